package org.bondtray.helper.peers;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;

/** Questions to the bus itself about the services the helper works next to. */
public final class BusNames {
    private BusNames() {
    }

    /**
     * Whether {@code name} has an owner now. A plain check, never an activation: the helper works
     * with NetworkManager or systemd-resolved when they run and never starts them.
     */
    public static boolean hasOwner(DBusConnection bus, String name) {
        try {
            return bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class).NameHasOwner(name);
        } catch (DBusException | DBusExecutionException e) {
            return false;
        }
    }
}
