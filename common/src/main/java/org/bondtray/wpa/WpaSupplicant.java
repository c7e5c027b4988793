package org.bondtray.wpa;

import java.util.Map;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/** {@code fi.w1.wpa_supplicant1} at {@link Wpa#PATH}: the daemon's interface list. */
@DBusInterfaceName(Wpa.BUS_NAME)
public interface WpaSupplicant extends DBusInterface {
    /** Starts controlling a network interface; {@code args} holds at least {@code Ifname}. */
    DBusPath CreateInterface(Map<String, Variant<?>> args);

    DBusPath GetInterface(String ifname);

    void RemoveInterface(DBusPath path);

    /** wpa_supplicant let go of an interface (RemoveInterface, or the adapter went). */
    class InterfaceRemoved extends DBusSignal {
        private final DBusPath iface;

        public InterfaceRemoved(String path, DBusPath iface) throws DBusException {
            super(path, iface);
            this.iface = iface;
        }

        /** The object of the interface that went. */
        public DBusPath iface() {
            return iface;
        }
    }
}
