package org.bondtray.tray.sni;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/** {@code org.kde.StatusNotifierWatcher}: where tray icons register, run by the panel. */
@DBusInterfaceName(SniNames.WATCHER_INTERFACE)
public interface StatusNotifierWatcher extends DBusInterface {
    /** {@code service}: the item's bus name (its object then sits at /StatusNotifierItem). */
    void RegisterStatusNotifierItem(String service);

    void RegisterStatusNotifierHost(String service);

    class StatusNotifierItemRegistered extends DBusSignal {
        private final String service;

        public StatusNotifierItemRegistered(String path, String service) throws DBusException {
            super(path, service);
            this.service = service;
        }

        public String getService() {
            return service;
        }
    }

    class StatusNotifierHostRegistered extends DBusSignal {
        public StatusNotifierHostRegistered(String path) throws DBusException {
            super(path);
        }
    }
}
