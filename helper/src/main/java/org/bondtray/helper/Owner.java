package org.bondtray.helper;

import java.io.IOException;

/**
 * The one thread that owns the helper's state ({@link Worker}), as the helper's parts see it:
 * they queue work and set timers on it, and keep no thread of their own for their state. Work
 * that blocks (a process to stop, a command to wait for) runs elsewhere and queues its result
 * back here.
 */
public interface Owner {
    /** Work that may fail with the kernel's or a file's error. */
    interface Work {
        void run() throws IOException;
    }

    /** A timer set with {@link #schedule}; cancelled, it does not run. */
    interface Timer {
        void cancel();
    }

    /** Queues {@code work} behind every other look and change; a failure is logged as {@code what} failing. */
    void execute(String what, Work work);

    /** Runs {@code work} on the owner's thread after {@code delayNanos}, unless cancelled before. */
    Timer schedule(String what, long delayNanos, Work work);

    /** Whether the calling thread is the owner's. */
    boolean isOwner();
}
