package org.bondtray.helper;

import java.util.Optional;
import java.util.function.LongConsumer;

import org.bondtray.helper.config.BondConfig;

/**
 * The last Setup on probation: the configuration to go back to, and when that is decided. The
 * helper keeps the change (Confirm, or a gateway still answers at the deadline) or rolls it back;
 * which change goes on probation is decided here, from facts alone. Lives on the helper's
 * {@link Worker}, whose timer calls the deadline.
 */
final class Probation {
    /** A change on probation; {@code previous} null means there was no bond before it. */
    record Change(BondConfig previous, int seconds, long deadlineMicros) {
    }

    private final Worker worker;
    private final LongConsumer deadlineReached;
    private Change current;
    private Worker.Timer timer;

    /** {@code deadlineReached} is called on {@code worker} with the deadline of the change due. */
    Probation(Worker worker, LongConsumer deadlineReached) {
        this.worker = worker;
        this.deadlineReached = deadlineReached;
    }

    /**
     * The change a Setup puts on probation for {@code seconds}, if any. If a gateway answers
     * before it ({@code reaches}), the configuration now in place is the one to come back to. If
     * none answers while an earlier change is on probation ({@code before}), that change may be
     * what broke it: go back to where it started. With no gateway and nothing earlier, there is
     * nothing a rollback could save.
     */
    static Optional<Change> next(BondConfig now, Change before, boolean reaches, int seconds, long nowMicros) {
        if (seconds <= 0 || !reaches && before == null) {
            return Optional.empty();
        }
        return Optional.of(new Change(reaches ? now : before.previous(), seconds, nowMicros + seconds * 1_000_000L));
    }

    Optional<Change> current() {
        return Optional.ofNullable(current);
    }

    /** When the change on probation is decided, in µs since the epoch; 0 if none is. */
    long deadlineMicros() {
        Change c = current;
        return c == null ? 0 : c.deadlineMicros();
    }

    void begin(Change c) {
        end();
        current = c;
        // At the deadline the bus shows, whenever the change began.
        long in = Math.max(0, c.deadlineMicros() - System.currentTimeMillis() * 1000);
        timer = worker.schedule("deciding on the change on probation", in * 1000,
                () -> deadlineReached.accept(c.deadlineMicros()));
    }

    /** Ends the probation without a rollback; the change that was on it, if one was. */
    Optional<Change> end() {
        Change c = current;
        current = null;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        return Optional.ofNullable(c);
    }

    /** The change whose deadline is {@code micros}, taken off probation; empty if it was settled meanwhile. */
    Optional<Change> due(long micros) {
        Change c = current;
        if (c == null || c.deadlineMicros() != micros) {
            return Optional.empty();
        }
        current = null;
        timer = null;
        return Optional.of(c);
    }
}
