package org.bondtray.logind;

import java.util.function.Consumer;
import java.util.logging.Logger;

import org.bondtray.api.NameOwner;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * Follows logind's PrepareForSleep: {@code sleeping} is told true before the machine sleeps and
 * false once it woke up. Only logind's own signals count: any local user may send one that
 * looks the same, and a false "waking up" would have the helper renew a lease for nothing and the
 * tray hold back a real notice.
 */
public final class SleepWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SleepWatch.class.getName());

    private final NameOwner logind;
    private final AutoCloseable subscription;

    private SleepWatch(DBusConnection bus, Consumer<Boolean> sleeping) throws DBusException {
        logind = new NameOwner(bus, Login1.BUS_NAME);
        subscription = bus.addSigHandler(Login1.PrepareForSleep.class, s -> {
            if (logind.sent(s) && Login1.PATH.equals(s.getPath())) {
                sleeping.accept(s.start());
            }
        });
    }

    /** Follows sleep on {@code bus}; without logind (or a bus that refuses the match) nothing is told. */
    public static AutoCloseable follow(DBusConnection bus, Consumer<Boolean> sleeping) {
        try {
            return new SleepWatch(bus, sleeping);
        } catch (DBusException e) {
            LOG.info("cannot follow logind's sleep signals: " + e.getMessage());
            return () -> { };
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        logind.close();
    }
}
