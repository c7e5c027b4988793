package org.bondtray.api;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * Who owns a well-known name on a bus now, as the bus itself says it: a signal counts only when
 * that owner sent it. Any local user may emit a Switchover, a RolledBack or a PropertiesChanged
 * with the helper's (or wpa_supplicant's) object path; only the sender's unique name, which the
 * bus fills in, tells them apart.
 */
public final class NameOwner implements AutoCloseable {
    /** The bus daemon's own name: the sender of its NameOwnerChanged, which no client can take. */
    public static final String BUS = "org.freedesktop.DBus";

    private final AutoCloseable subscription;
    private volatile String owner;

    public NameOwner(DBusConnection bus, String name) throws DBusException {
        this(bus, name, () -> { });
    }

    /**
     * Follows {@code name}, and runs {@code cameBack} (on the bus library's signal thread) each
     * time the name gets an owner anew: the service restarted, or started.
     */
    public NameOwner(DBusConnection bus, String name, Runnable cameBack) throws DBusException {
        // Followed before it is asked, so a change while asking is not lost.
        this.subscription = BusMatch.ownerOf(bus, name, s -> {
            if (fromBus(s) && name.equals(s.name)) {
                owner = s.newOwner;
                if (!s.newOwner.isEmpty()) {
                    cameBack.run();
                }
            }
        });
        String now;
        try {
            now = bus.getRemoteObject(BUS, "/org/freedesktop/DBus", DBus.class).GetNameOwner(name);
        } catch (DBusExecutionException noOwner) {
            now = "";
        }
        if (owner == null) {
            owner = now;
        }
    }

    /** Whether the bus daemon sent {@code s}; a client may send a signal of any name, never from the bus's. */
    public static boolean fromBus(DBusSignal s) {
        return BUS.equals(s.getSource());
    }

    /** Whether the name's owner at this moment sent {@code s}. */
    public boolean sent(DBusSignal s) {
        String o = owner;
        return o != null && !o.isEmpty() && o.equals(s.getSource());
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
