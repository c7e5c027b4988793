package org.bondtray.helper;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The helper's one worker thread. Every look at the kernel and every change runs on it, in the
 * order asked, so the decisions never see a half-applied change; callers from the bus wait for
 * their answer, events only queue.
 */
final class Worker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    /** Work that may fail with the kernel's or a file's error. */
    interface Work {
        void run() throws IOException;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("helper").daemon().unstarted(r));
    private final AtomicBoolean changing = new AtomicBoolean();

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
        }
    }

    /** Queues {@code work} behind every other look and change; a failure is logged as {@code what} failing. */
    void execute(String what, Work work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed", e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
