package org.bondtray.helper.takeover;

import java.time.Duration;

import org.freedesktop.dbus.exceptions.DBusException;

/**
 * Waiting for another network manager to act on what it was told (NetworkManager on its Managed
 * property, systemd-networkd on a reload): neither says when it is done, so its state is polled,
 * for at most {@link #WITHIN}.
 */
final class Settle {
    static final Duration WITHIN = Duration.ofSeconds(15);

    /** A look at the other manager's state. */
    interface Check {
        boolean holds() throws DBusException;
    }

    private Settle() {
    }

    /** Whether {@code check} held within {@link #WITHIN}, looked at every {@code every}. */
    static boolean within(Duration every, Check check) throws DBusException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(every);
        }
        return true;
    }
}
