package org.bondtray.api;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.matchrules.DBusMatchRuleBuilder;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * Subscriptions that the bus daemon narrows down, so a signal reaches the process only when it
 * can concern it. A match on a signal's type alone brings every PropertiesChanged on the system
 * bus (NetworkManager's devices, wpa_supplicant's access points at every scan) and every
 * NameOwnerChanged (each command that connects), and the bus library wakes and decodes each one
 * before the handler throws it away: on a laptop that is CPU all day for nothing.
 *
 * <p>Who sent a signal is still the handler's to check ({@link NameOwner}): any local user may
 * send a signal from any path, and a match on a well-known sender would be compared by the
 * library with the sender's unique name.
 */
public final class BusMatch {
    private BusMatch() {
    }

    /** Signals of {@code type} from the object at {@code path}. */
    public static <T extends DBusSignal> AutoCloseable at(DBusConnection bus, Class<T> type, String path,
            DBusSigHandler<T> handler) throws DBusException {
        return bus.addSigHandler(DBusMatchRuleBuilder.create().withType(type).withPath(path).build(), handler);
    }

    /** Signals of {@code type} from the objects at {@code namespace} or below it. */
    public static <T extends DBusSignal> AutoCloseable under(DBusConnection bus, Class<T> type, String namespace,
            DBusSigHandler<T> handler) throws DBusException {
        return bus.addSigHandler(DBusMatchRuleBuilder.create().withType(type).withPathNamespace(namespace).build(),
                handler);
    }

    /** The bus's NameOwnerChanged for {@code name} alone. */
    public static AutoCloseable ownerOf(DBusConnection bus, String name, DBusSigHandler<DBus.NameOwnerChanged> handler)
            throws DBusException {
        return bus.addSigHandler(DBusMatchRuleBuilder.create().withType(DBus.NameOwnerChanged.class)
                .withArg0123(0, name).build(), handler);
    }
}
