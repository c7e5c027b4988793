package org.bondtray.helper;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The helper's one thread that owns its state. Every look at the kernel, every change and every
 * timer (probation, the standby window, the same-network check's settling, dhcpcd's renewals and
 * restarts) runs on it, in order, so no decision sees a half-applied change and that state needs
 * no lock. Callers from the bus wait for their answer; events and timers only queue. (The
 * switchover bookkeeping stays on the kernel-events thread: see {@link LinkWatch}.) The helper's
 * parts outside this package see it as its {@link Owner}.
 *
 * <p>Idle, the thread waits without a timeout: a timer exists only while something is pending.
 */
public final class Worker implements Owner, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    private volatile Thread thread;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        thread = Thread.ofPlatform().name("helper").daemon().unstarted(r);
        return thread;
    });
    private final AtomicBoolean changing = new AtomicBoolean();

    public Worker() {
        // A cancelled timer leaves the queue at once instead of waking the thread at its time.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code op} and waits for it; a change refuses to start while another is being applied. */
    <T> T change(Callable<T> op) {
        if (!changing.compareAndSet(false, true)) {
            throw Refusal.busy("another change is being applied; try again when it is done");
        }
        try {
            return call(op);
        } finally {
            changing.set(false);
        }
    }

    /** Runs {@code op} and waits for it; what fails is a {@link Refusal} to whoever asked. */
    <T> T call(Callable<T> op) {
        try {
            return executor.submit(op).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal r) {
                throw r;
            }
            LOG.log(Level.SEVERE, "operation failed", e.getCause());
            throw Refusal.failed(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.failed("interrupted");
        } catch (RejectedExecutionException e) {
            throw Refusal.failed("the helper is stopping");
        }
    }

    @Override
    public void execute(String what, Work work) {
        submit(() -> logged(what, work));
    }

    @Override
    public Timer schedule(String what, long delayNanos, Work work) {
        try {
            ScheduledFuture<?> f = executor.schedule(() -> logged(what, work), Math.max(0, delayNanos),
                    TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public boolean isOwner() {
        return Thread.currentThread() == thread;
    }

    private void submit(Runnable r) {
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            // Closed: the helper is stopping and nobody waits for this any more.
        }
    }

    private static void logged(String what, Work work) {
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, what + " failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
