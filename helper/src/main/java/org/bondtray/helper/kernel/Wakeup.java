package org.bondtray.helper.kernel;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An eventfd that wakes a thread waiting in poll(2) on a socket. A listener thread then needs no
 * receive timeout to notice that it should stop: it sleeps until the kernel has something, and
 * the helper stays asleep while nothing happens. (Closing a netlink socket does not wake a
 * thread blocked in recv on it, and shutdown(2) is not supported on netlink.)
 */
final class Wakeup implements AutoCloseable {
    final int fd;

    Wakeup() throws Libc.ErrnoException {
        fd = Libc.eventfd();
    }

    /** Makes the eventfd readable: a poll on it returns, now and from then on. */
    void wake() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment one = a.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            Libc.write(fd, one);
        } catch (Libc.ErrnoException e) {
            // Only a counter at its maximum refuses, and that one is readable already.
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}
