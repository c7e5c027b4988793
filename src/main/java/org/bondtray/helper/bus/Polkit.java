package org.bondtray.helper.bus;

import java.time.Duration;
import java.util.Map;

import org.bondtray.Error.NotAuthorized;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Who may ask: one polkit check, keyed on the caller's unique bus name, first thing in every
 * method that changes anything. The call is made asynchronously and awaited for up to five
 * minutes, because polkit may be waiting for a person to type a password, far longer than a
 * D-Bus call's usual 20 s.
 */
public final class Polkit {
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final DBusConnection bus;

    public Polkit(DBusConnection bus) {
        this.bus = bus;
    }

    /** Returns when {@code caller} may do {@code action}; throws {@link NotAuthorized} otherwise. */
    public void authorize(String caller, String action) {
        if (caller == null || caller.isEmpty()) {
            throw new NotAuthorized("the caller has no bus name to authorize");
        }
        PolkitAuthority.Result result;
        try {
            PolkitAuthority authority = bus.getRemoteObject(PolkitAuthority.BUS_NAME, PolkitAuthority.PATH,
                    PolkitAuthority.class);
            PolkitAuthority.Subject subject = new PolkitAuthority.Subject("system-bus-name",
                    Map.of("name", new Variant<>(caller)));
            @SuppressWarnings("unchecked")
            DBusAsyncReply<PolkitAuthority.Result> reply = (DBusAsyncReply<PolkitAuthority.Result>) bus.callMethodAsync(
                    authority, "CheckAuthorization", subject, action, Map.<String, String>of(),
                    new UInt32(PolkitAuthority.ALLOW_USER_INTERACTION), "");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!reply.hasReply()) {
                if (System.nanoTime() > deadline) {
                    throw new NotAuthorized("polkit did not answer within " + PATIENCE.toMinutes() + " minutes");
                }
                Thread.sleep(10);
            }
            result = reply.getReply();
        } catch (DBusException | DBusExecutionException e) {
            throw new NotAuthorized("cannot ask polkit whether this is allowed (" + e.getMessage()
                    + "); is polkitd running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAuthorized("interrupted while waiting for polkit");
        }
        if (!result.authorized) {
            throw new NotAuthorized("not authorized for " + action
                    + (result.challenge ? " (authentication is needed and was not given)" : ""));
        }
    }
}
