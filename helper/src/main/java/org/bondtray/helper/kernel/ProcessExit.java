package org.bondtray.helper.kernel;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * When a process the helper did not start itself exits: dhcpcd in its own unit, or one adopted
 * after a restart. Java's {@link ProcessHandle#onExit} waits for its own children with waitpid(2),
 * but polls any other process, every 0.3 s at first and every 5 s after a while, for as long as
 * it lives: wakeups an idle daemon must not have. A pidfd (pidfd_open(2), Linux 5.3) becomes
 * readable when its process exits, so one thread sleeps in poll(2) until then and costs nothing
 * meanwhile. Where the C library has no pidfd_open, Java's own way serves.
 */
public final class ProcessExit {
    private static final Logger LOG = Logger.getLogger(ProcessExit.class.getName());

    private ProcessExit() {
    }

    /** Completes once {@code p} has exited (at once if it has already). */
    public static CompletableFuture<Void> of(ProcessHandle p) {
        boolean child = p.parent().map(ProcessHandle::pid).orElse(-1L) == ProcessHandle.current().pid();
        if (child || !Libc.hasPidfd()) {
            return p.onExit().thenApply(x -> null);
        }
        int fd;
        try {
            fd = Libc.pidfdOpen(p.pid());
        } catch (Libc.ErrnoException e) {
            if (!p.isAlive()) {
                return CompletableFuture.completedFuture(null);
            }
            LOG.info("no pidfd for pid " + p.pid() + " (" + e.getMessage() + "); its exit is polled for");
            return p.onExit().thenApply(x -> null);
        }
        // The pid may have been another process's by the time the pidfd was made: the handle
        // checks the start time, and a live process keeps its pid.
        if (!p.isAlive()) {
            Libc.close(fd);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> exited = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("exit-of-" + p.pid()).start(() -> {
            try {
                awaitReadable(fd);
            } finally {
                Libc.close(fd);
                exited.complete(null);
            }
        });
        return exited;
    }

    private static void awaitReadable(int fd) {
        try (Arena a = Arena.ofConfined()) {
            // One struct pollfd: int fd, short events, short revents.
            MemorySegment pollfd = a.allocate(8);
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(JAVA_SHORT, 4, Libc.POLLIN);
            while (true) {
                try {
                    if (Libc.poll(pollfd, 1, -1) > 0) {
                        return;
                    }
                } catch (Libc.ErrnoException e) {
                    if (e.errno != Libc.EINTR) {
                        LOG.warning("waiting for a process to exit: " + e.getMessage());
                        return;
                    }
                }
            }
        }
    }
}
