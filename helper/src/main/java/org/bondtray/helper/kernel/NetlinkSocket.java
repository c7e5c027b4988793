package org.bondtray.helper.kernel;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One NETLINK_ROUTE socket. Requests are sent with NLM_F_ACK and answered in order; a socket
 * opened with multicast groups receives the kernel's events instead. Not thread-safe: the
 * helper uses one socket for requests and another, on its own thread, for events.
 */
final class NetlinkSocket implements AutoCloseable {
    static final int NETLINK_ROUTE = 0;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP = 0x300;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    /** Extended ack: the kernel's own words on why it refused, attribute NLMSGERR_ATTR_MSG. */
    private static final int NLMSGERR_ATTR_MSG = 1;

    private static final int BUFFER = 64 * 1024;

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final MemorySegment rx;
    private int seq = (int) (System.nanoTime() & 0xffff);

    /** Opens a socket; {@code groups} is the RTMGRP_* bit mask to listen to (0 for requests only). */
    NetlinkSocket(int groups, int receiveTimeoutMs) throws IOException {
        fd = Libc.socket(SocketFamily.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, NETLINK_ROUTE);
        try {
            MemorySegment one = arena.allocateFrom(JAVA_INT, 1);
            Libc.setsockopt(fd, Libc.SOL_NETLINK, Libc.NETLINK_EXT_ACK, one);
            if (receiveTimeoutMs > 0) {
                MemorySegment tv = arena.allocate(16);
                tv.set(JAVA_LONG, 0, receiveTimeoutMs / 1000);
                tv.set(JAVA_LONG, 8, (receiveTimeoutMs % 1000) * 1000L);
                Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, tv);
            }
            if (groups != 0) {
                // Events come in bursts (a switchover touches three links at once); a large
                // buffer keeps the kernel from dropping them, and ENOBUFS still triggers a resync.
                Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, arena.allocateFrom(JAVA_INT, 1 << 20));
            }
            MemorySegment addr = arena.allocate(12);
            addr.set(JAVA_SHORT, 0, (short) SocketFamily.AF_NETLINK.number);
            addr.set(JAVA_INT, 8, groups);
            Libc.bind(fd, addr);
        } catch (IOException e) {
            Libc.close(fd);
            throw e;
        }
        rx = arena.allocate(BUFFER);
    }

    /** Sends a request that changes something and waits for the kernel's acknowledgement. */
    void request(String what, NlMessage message) throws IOException {
        exchange(what, message, NLM_F_REQUEST | NLM_F_ACK, null);
    }

    /** Sends a dump request and hands each answer (a buffer positioned on its header) to {@code each}. */
    void dump(String what, NlMessage message, Consumer<ByteBuffer> each) throws IOException {
        exchange(what, message, NLM_F_REQUEST | NLM_F_DUMP, each);
    }

    private void exchange(String what, NlMessage message, int flags, Consumer<ByteBuffer> each) throws IOException {
        int mySeq = ++seq;
        byte[] bytes = message.bytes(mySeq, flags);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tx = a.allocate(bytes.length);
            MemorySegment.copy(bytes, 0, tx, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, bytes.length);
            Libc.send(fd, tx, bytes.length);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (ByteBuffer m : messages(receive())) {
                if (m.getInt(8) != mySeq) {
                    continue;
                }
                int type = Short.toUnsignedInt(m.getShort(4));
                if (type == NLMSG_DONE) {
                    return;
                }
                if (type == NLMSG_ERROR) {
                    int error = -m.getInt(16);
                    if (error == 0) {
                        return;
                    }
                    throw new NetlinkException(what, error, extAck(m));
                }
                if (each != null) {
                    each.accept(m);
                }
            }
        }
        throw new NetlinkException(what + " (no answer from the kernel)", Libc.EAGAIN, null);
    }

    /** The kernel's own message from an extended ack, when it gave one. */
    private static String extAck(ByteBuffer m) {
        int flags = Short.toUnsignedInt(m.getShort(6));
        // NLM_F_ACK_TLVS (0x200): TLVs follow; NLM_F_CAPPED (0x100): only the header was echoed.
        if ((flags & 0x200) == 0) {
            return null;
        }
        int echoed = (flags & 0x100) != 0 ? NlMessage.HEADER : m.getInt(20);
        int start = 16 + 4 + ((echoed + 3) & ~3);
        return start < m.limit() ? new NlAttrs(m, start, m.limit()).string(NLMSGERR_ATTR_MSG) : null;
    }

    /**
     * Receives one datagram. Returns an empty buffer when the receive timeout passed; throws
     * {@link Libc.ErrnoException} with ENOBUFS when the kernel dropped events.
     */
    ByteBuffer receive() throws IOException {
        long n;
        try {
            n = Libc.recv(fd, rx, BUFFER);
        } catch (Libc.ErrnoException e) {
            if (e.errno == Libc.EAGAIN || e.errno == Libc.EINTR) {
                return ByteBuffer.allocate(0);
            }
            throw e;
        }
        byte[] copy = new byte[(int) n];
        MemorySegment.copy(rx, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, copy, 0, (int) n);
        return ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder());
    }

    /**
     * Waits, without a timeout, until a datagram comes (returned, as {@link #receive()} gives it)
     * or {@code stop} is woken (null). A socket the kernel overran reports an error to poll, and
     * the receive then throws ENOBUFS.
     */
    ByteBuffer receive(Wakeup stop) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            // Two struct pollfd: int fd, short events, short revents.
            MemorySegment fds = a.allocate(16);
            fds.set(JAVA_INT, 0, fd);
            fds.set(JAVA_SHORT, 4, Libc.POLLIN);
            fds.set(JAVA_INT, 8, stop.fd);
            fds.set(JAVA_SHORT, 12, Libc.POLLIN);
            while (true) {
                try {
                    Libc.poll(fds, 2, -1);
                } catch (Libc.ErrnoException e) {
                    if (e.errno == Libc.EINTR) {
                        continue;
                    }
                    throw e;
                }
                if (fds.get(JAVA_SHORT, 14) != 0) {
                    return null;
                }
                if (fds.get(JAVA_SHORT, 6) != 0) {
                    return receive();
                }
            }
        }
    }

    /** Splits a datagram of events into messages, each a buffer positioned on its header. */
    static List<ByteBuffer> messages(ByteBuffer datagram) {
        List<ByteBuffer> out = new ArrayList<>();
        int pos = 0;
        while (pos + NlMessage.HEADER <= datagram.limit()) {
            int len = datagram.getInt(pos);
            if (len < NlMessage.HEADER || pos + len > datagram.limit()) {
                break;
            }
            out.add(datagram.slice(pos, len).order(ByteOrder.nativeOrder()));
            pos += (len + 3) & ~3;
        }
        return out;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
