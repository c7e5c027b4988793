package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; the lab's only way to wait, so every wait has a deadline. */
final class Wait {
    private Wait() {
    }

    /** Returns the milliseconds it took; throws with {@code what} when the deadline passes. */
    static long until(String what, Duration timeout, Duration every, BooleanSupplier condition) {
        long ms = untilOrTimeout(timeout, every, condition);
        if (ms < 0) {
            throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        }
        return ms;
    }

    /** The milliseconds it took, or -1 when the deadline passed: for waits whose outcome a test judges. */
    static long untilOrTimeout(Duration timeout, Duration every, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            sleep(every);
        }
    }

    /**
     * The milliseconds since {@code t0} (System.nanoTime()) until {@code condition} held, or -1
     * when {@code timeout} passed first: for a second figure of the same event, after another wait.
     */
    static long sinceOrTimeout(long t0, Duration timeout, Duration every, BooleanSupplier condition) {
        return untilOrTimeout(timeout, every, condition) < 0 ? -1 : (System.nanoTime() - t0) / 1_000_000;
    }

    static long until(String what, Duration timeout, BooleanSupplier condition) {
        return until(what, timeout, Duration.ofMillis(100), condition);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
