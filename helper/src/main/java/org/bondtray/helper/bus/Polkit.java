package org.bondtray.helper.bus;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bondtray.Error.Busy;
import org.bondtray.Error.NotAuthorized;
import org.bondtray.api.NameOwner;
import org.bondtray.helper.peers.BusNames;
import org.freedesktop.dbus.DBusAsyncReply;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Who may ask: one polkit check, keyed on the caller's unique bus name, first thing in every
 * method that changes anything. polkit may be waiting for a person to type a password, far longer
 * than a D-Bus call's usual 20 s, so the check is awaited for up to five minutes. While it waits
 * it holds one of the bus's few method-call threads: each user may have only
 * {@link #PENDING_PER_USER} checks of one action waiting and all users together
 * {@link #PENDING_IN_ALL}, so someone whose agent never answers cannot leave the others' calls
 * without a thread, nor her own switch behind her unanswered configure; a check whose caller
 * left the bus is cancelled at once.
 */
public final class Polkit {
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /** Checks of one action one user may have waiting for polkit at once. */
    static final int PENDING_PER_USER = 2;
    /** Checks waiting at once, all users together: fewer than the bus's method-call threads. */
    static final int PENDING_IN_ALL = 4;
    /** The bus's method-call threads: what is left after {@link #PENDING_IN_ALL} serves every other call. */
    public static final int METHOD_CALL_THREADS = 8;
    private static final Duration CALLER_CHECK = Duration.ofSeconds(1);

    private final DBusConnection bus;
    /** Checks waiting, by who asks for what: a configure waiting on a password does not hold up a switch. */
    private final Map<Waiting, Integer> pending = new HashMap<>();
    private final AtomicLong checks = new AtomicLong();

    public Polkit(DBusConnection bus) {
        this.bus = bus;
    }

    /** Returns when {@code caller} may do {@code action}; throws {@link NotAuthorized} otherwise. */
    public void authorize(String caller, String action) {
        if (caller == null || caller.isEmpty()) {
            throw new NotAuthorized("the caller has no bus name to authorize");
        }
        long uid;
        try {
            uid = bus.getRemoteObject(NameOwner.BUS, "/org/freedesktop/DBus", DBus.class).GetConnectionUnixUser(caller)
                    .longValue();
        } catch (DBusException | DBusExecutionException e) {
            throw new NotAuthorized("cannot tell who the caller is (" + e.getMessage() + ")");
        }
        Waiting key = new Waiting(uid, action);
        enter(key);
        try {
            check(caller, action);
        } finally {
            leave(key);
        }
    }

    private record Waiting(long uid, String action) {
    }

    private synchronized void enter(Waiting key) {
        int mine = pending.getOrDefault(key, 0);
        int all = pending.values().stream().mapToInt(Integer::intValue).sum();
        if (mine >= PENDING_PER_USER) {
            throw new Busy(mine + " of this user's requests for " + key.action() + " are already waiting for"
                    + " polkit (an answer in the password dialog); try again when they are answered");
        }
        if (all >= PENDING_IN_ALL) {
            throw new Busy("too many requests are waiting for polkit; try again in a moment");
        }
        pending.put(key, mine + 1);
    }

    private synchronized void leave(Waiting key) {
        pending.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null);
    }

    private void check(String caller, String action) {
        String cancellation = "bondtray-helper-" + checks.incrementAndGet();
        PolkitAuthority.Result result;
        try {
            PolkitAuthority authority = bus.getRemoteObject(PolkitAuthority.BUS_NAME, PolkitAuthority.PATH,
                    PolkitAuthority.class);
            PolkitAuthority.Subject subject = new PolkitAuthority.Subject("system-bus-name",
                    Map.of("name", new Variant<>(caller)));
            @SuppressWarnings("unchecked")
            DBusAsyncReply<PolkitAuthority.Result> reply = (DBusAsyncReply<PolkitAuthority.Result>) bus.callMethodAsync(
                    authority, "CheckAuthorization", subject, action, Map.<String, String>of(),
                    new UInt32(PolkitAuthority.ALLOW_USER_INTERACTION), cancellation);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long nextCallerCheck = System.nanoTime() + CALLER_CHECK.toNanos();
            while (!reply.hasReply()) {
                long now = System.nanoTime();
                if (now > deadline) {
                    cancel(authority, cancellation);
                    throw new NotAuthorized("polkit did not answer within " + PATIENCE.toMinutes() + " minutes");
                }
                if (now > nextCallerCheck) {
                    // Nobody would hear the answer: the dialog goes, and so does the wait.
                    if (!BusNames.hasOwner(bus, caller)) {
                        cancel(authority, cancellation);
                        throw new NotAuthorized("the caller left the bus before polkit answered");
                    }
                    nextCallerCheck = now + CALLER_CHECK.toNanos();
                }
                Thread.sleep(50);
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

    private static void cancel(PolkitAuthority authority, String cancellation) {
        try {
            authority.CancelCheckAuthorization(cancellation);
        } catch (DBusExecutionException alreadyDone) {
            // answered in the meantime, or polkit has gone: nothing is left to cancel
        }
    }
}
