package org.bondtray.helper;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether a change on probation still lets the machine reach a gateway. Asked so that a
 * switchover cannot condemn a good change: one probe that lands while the cable is being pulled
 * goes out through a port that is dying, or with the MAC of the port the bond just left, and
 * nothing answers it. So the gateway is asked again and again for {@code patience}, and silence
 * counts only once the active port has stayed put for {@link #SETTLED}; a port that keeps
 * moving delays the verdict, but never past {@link #LIMIT}.
 */
final class Verdict {
    /** How long the active port must have stayed put before silence means the change broke it. */
    static final Duration SETTLED = Duration.ofSeconds(3);
    /** However the ports flap, the verdict comes within this. */
    static final Duration LIMIT = Duration.ofSeconds(30);
    /** Between two questions; each one itself waits for an answer. */
    static final Duration PAUSE = Duration.ofMillis(300);

    /** Time, so that the rule can be tried without waiting for it. */
    interface Clock {
        long nanos();

        void sleep(Duration d) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(d);
            }
        };
    }

    private Verdict() {
    }

    /**
     * True as soon as {@code answers} does; false once it has stayed silent for {@code patience}
     * with the active port steady (the last move, by {@code lastMoveNanos}, {@link #SETTLED} ago
     * or more), or for {@link #LIMIT} whatever the ports did.
     */
    static boolean gatewayAnswers(BooleanSupplier answers, LongSupplier lastMoveNanos, Duration patience, Clock clock)
            throws InterruptedException {
        long start = clock.nanos();
        while (true) {
            if (answers.getAsBoolean()) {
                return true;
            }
            long now = clock.nanos();
            long asked = now - start;
            boolean steady = now - lastMoveNanos.getAsLong() >= SETTLED.toNanos();
            if (asked >= LIMIT.toNanos() || asked >= patience.toNanos() && steady) {
                return false;
            }
            clock.sleep(PAUSE);
        }
    }

    /** How long a change is given: a few seconds, plus the DownDelay a pulled cable waits out before the bond moves. */
    static Duration patience(int downdelayMillis) {
        return Duration.ofSeconds(5).plusMillis(Math.max(0, downdelayMillis));
    }
}
