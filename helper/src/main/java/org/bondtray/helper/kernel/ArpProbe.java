package org.bondtray.helper.kernel;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks, through one port, who has an IPv4 address: an ARP probe on a packet socket bound to
 * that port. It works on a bond's backup port too: the bond hands frames that arrive there only
 * to sockets bound to the port itself, which this one is.
 */
public final class ArpProbe {
    private static final int SOCK_DGRAM = 2;
    private static final int ETH_P_ARP = 0x0806;
    private static final int SOCKADDR_LL = 20;

    private ArpProbe() {
    }

    /**
     * The MAC that answers for {@code target} on the port {@code ifindex} (whose own MAC is
     * {@code mac}), asking up to {@code tries} times and waiting {@code wait} for each answer.
     */
    public static Optional<byte[]> ask(int ifindex, byte[] mac, byte[] target, int tries, Duration wait)
            throws IOException {
        int fd = Libc.socket(SocketFamily.AF_PACKET, SOCK_DGRAM | Libc.SOCK_CLOEXEC, htons(ETH_P_ARP));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tv = a.allocate(16);
            tv.set(JAVA_LONG, 0, wait.toMillis() / 1000);
            tv.set(JAVA_LONG, 8, wait.toMillis() % 1000 * 1000);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, tv);
            Libc.bind(fd, address(a, ifindex, null));
            MemorySegment broadcast = address(a, ifindex, new byte[] {-1, -1, -1, -1, -1, -1});
            MemorySegment tx = a.allocateFrom(JAVA_BYTE, ArpPacket.probe(mac, target));
            MemorySegment rx = a.allocate(1500);
            byte[] received = new byte[1500];
            for (int i = 0; i < tries; i++) {
                Libc.sendto(fd, tx, ArpPacket.LENGTH, broadcast);
                long deadline = System.nanoTime() + wait.toNanos();
                while (System.nanoTime() < deadline) {
                    long n;
                    try {
                        n = Libc.recv(fd, rx, rx.byteSize());
                    } catch (Libc.ErrnoException e) {
                        if (e.errno == Libc.EAGAIN || e.errno == Libc.EINTR) {
                            break;
                        }
                        throw e;
                    }
                    MemorySegment.copy(rx, JAVA_BYTE, 0, received, 0, (int) n);
                    Optional<byte[]> who = ArpPacket.answerer(received, (int) n, mac, target);
                    if (who.isPresent()) {
                        return who;
                    }
                }
            }
            return Optional.empty();
        } finally {
            Libc.close(fd);
        }
    }

    /** struct sockaddr_ll for ARP on {@code ifindex}, to {@code dest} if given. */
    private static MemorySegment address(Arena a, int ifindex, byte[] dest) {
        MemorySegment s = a.allocate(SOCKADDR_LL);
        s.set(JAVA_SHORT, 0, (short) SocketFamily.AF_PACKET.number);
        s.set(JAVA_SHORT, 2, (short) htons(ETH_P_ARP));
        s.set(JAVA_INT, 4, ifindex);
        if (dest != null) {
            s.set(JAVA_BYTE, 11, (byte) dest.length);
            MemorySegment.copy(dest, 0, s, JAVA_BYTE, 12, dest.length);
        }
        return s;
    }

    /** A 16-bit number in network byte order, as the socket calls want the protocol. */
    private static int htons(int v) {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Short.reverseBytes((short) v) & 0xffff : v;
    }
}
