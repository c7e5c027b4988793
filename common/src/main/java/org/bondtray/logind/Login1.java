package org.bondtray.logind;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** logind's manager object, as far as sleep goes. */
@DBusInterfaceName(Login1.INTERFACE)
public interface Login1 extends DBusInterface {
    String BUS_NAME = "org.freedesktop.login1";
    String PATH = "/org/freedesktop/login1";
    String INTERFACE = "org.freedesktop.login1.Manager";

    /** Sent before the machine sleeps ({@code start} true) and after it woke up (false). */
    class PrepareForSleep extends DBusSignal {
        private final boolean start;

        public PrepareForSleep(String path, boolean start) throws DBusException {
            super(path, start);
            this.start = start;
        }

        public boolean start() {
            return start;
        }
    }
}
