package org.bondtray.helper.kernel;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few C library calls the helper needs for netlink, ARP probes and waiting on them, through the JDK's foreign-function API:
 * no JNI, no compiled native code. Every call captures errno, and a failure becomes an
 * {@link ErrnoException} naming the call.
 */
final class Libc {
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 02000000;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;
    static final int SO_RCVBUF = 8;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_EXT_ACK = 11;
    static final int CLONE_NEWNET = 0x40000000;
    static final short POLLIN = 0x1;
    static final int EFD_CLOEXEC = 02000000;

    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int ENOBUFS = 105;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SEND = handle("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle SENDTO = handle("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECV = handle("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = handle("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle UNSHARE = handle("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle POLL = handle("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle EVENTFD = handle("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle WRITE = handle("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    /** pidfd_open(2), wrapped by glibc since 2.36; absent before. */
    private static final java.util.Optional<MethodHandle> PIDFD_OPEN = LINKER.defaultLookup().find("pidfd_open")
            .map(f -> LINKER.downcallHandle(f, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
                    Linker.Option.captureCallState("errno")));

    private Libc() {
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd,
                Linker.Option.captureCallState("errno"));
    }

    /** A failed system call: which one and its errno. */
    static final class ErrnoException extends java.io.IOException {
        private static final long serialVersionUID = 1L;
        final int errno;

        ErrnoException(String call, int errno) {
            super(call + " failed: " + Errno.describe(errno));
            this.errno = errno;
        }
    }

    /** One downcall given the errno capture segment; returns the C function's result. */
    private interface Downcall {
        long invoke(MemorySegment state) throws Throwable;
    }

    /** Runs a downcall and turns a negative result into the errno it left. */
    private static long call(String name, Downcall downcall) throws ErrnoException {
        long result;
        int errno;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            result = downcall.invoke(state);
            errno = (int) ERRNO.get(state, 0L);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(name + ": " + t, t);
        }
        if (result < 0) {
            throw new ErrnoException(name, errno);
        }
        return result;
    }

    /** The helper's one way to a socket, so {@link SocketFamily} lists every family it opens. */
    static int socket(SocketFamily family, int type, int protocol) throws ErrnoException {
        int domain = family.number;
        return (int) call("socket", s -> (int) SOCKET.invokeExact(s, domain, type, protocol));
    }

    static void bind(int fd, MemorySegment addr) throws ErrnoException {
        call("bind", s -> (int) BIND.invokeExact(s, fd, addr, (int) addr.byteSize()));
    }

    static long send(int fd, MemorySegment buf, long len) throws ErrnoException {
        return call("send", s -> (long) SEND.invokeExact(s, fd, buf, len, 0));
    }

    static long sendto(int fd, MemorySegment buf, long len, MemorySegment to) throws ErrnoException {
        return call("sendto", s -> (long) SENDTO.invokeExact(s, fd, buf, len, 0, to, (int) to.byteSize()));
    }

    static long recv(int fd, MemorySegment buf, long len) throws ErrnoException {
        return call("recv", s -> (long) RECV.invokeExact(s, fd, buf, len, 0));
    }

    static void setsockopt(int fd, int level, int name, MemorySegment value) throws ErrnoException {
        call("setsockopt", s -> (int) SETSOCKOPT.invokeExact(s, fd, level, name, value, (int) value.byteSize()));
    }

    static void close(int fd) {
        try {
            call("close", s -> (int) CLOSE.invokeExact(s, fd));
        } catch (ErrnoException e) {
            // close(2) failing leaves nothing to undo
        }
    }

    /** poll(2) on {@code n} struct pollfd in {@code fds}; {@code timeoutMs} -1 waits for good. */
    static int poll(MemorySegment fds, int n, int timeoutMs) throws ErrnoException {
        return (int) call("poll", s -> (int) POLL.invokeExact(s, fds, (long) n, timeoutMs));
    }

    /** Whether this C library has pidfd_open(2). */
    static boolean hasPidfd() {
        return PIDFD_OPEN.isPresent();
    }

    /** A pidfd for {@code pid} (closed on exec, as pidfds always are): readable once it exits. */
    static int pidfdOpen(long pid) throws ErrnoException {
        MethodHandle h = PIDFD_OPEN.orElseThrow();
        return (int) call("pidfd_open", s -> (int) h.invokeExact(s, (int) pid, 0));
    }

    /** A new eventfd(2), counter 0, closed on exec. */
    static int eventfd() throws ErrnoException {
        return (int) call("eventfd", s -> (int) EVENTFD.invokeExact(s, 0, EFD_CLOEXEC));
    }

    static long write(int fd, MemorySegment buf) throws ErrnoException {
        return call("write", s -> (long) WRITE.invokeExact(s, fd, buf, buf.byteSize()));
    }

    /** Moves the calling thread (only) into new namespaces; tests use it for a private network. */
    static void unshare(int flags) throws ErrnoException {
        call("unshare", s -> (int) UNSHARE.invokeExact(s, flags));
    }

}
