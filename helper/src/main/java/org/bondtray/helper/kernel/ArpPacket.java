package org.bondtray.helper.kernel;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * ARP for Ethernet and IPv4 (RFC 826), as a packet socket of type SOCK_DGRAM sends and receives
 * it: without the Ethernet header. Only what the same-network check needs: a probe and the
 * answer to it.
 */
public final class ArpPacket {
    static final int LENGTH = 28;
    private static final short HTYPE_ETHER = 1;
    private static final short PTYPE_IPV4 = 0x0800;
    private static final short REQUEST = 1;
    private static final short REPLY = 2;

    private ArpPacket() {
    }

    /**
     * An ARP probe (RFC 5227): "who has {@code target}?" from {@code mac} with sender address
     * 0.0.0.0, so no neighbour anywhere learns a mapping from it. A port that is not the bond's
     * active one must not teach the gateway that the bond's address lives behind it.
     */
    public static byte[] probe(byte[] mac, byte[] target) {
        check(mac, target);
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putShort(HTYPE_ETHER).putShort(PTYPE_IPV4).put((byte) 6).put((byte) 4).putShort(REQUEST);
        b.put(mac).put(new byte[4]).put(new byte[6]).put(target);
        return b.array();
    }

    /** The MAC of whoever answered {@code target}'s probe from {@code mac}, if this packet is that answer. */
    public static Optional<byte[]> answerer(byte[] packet, int length, byte[] mac, byte[] target) {
        check(mac, target);
        if (length < LENGTH) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(packet, 0, length);
        if (b.getShort() != HTYPE_ETHER || b.getShort() != PTYPE_IPV4 || b.get() != 6 || b.get() != 4
                || b.getShort() != REPLY) {
            return Optional.empty();
        }
        byte[] sha = new byte[6];
        byte[] spa = new byte[4];
        byte[] tha = new byte[6];
        b.get(sha).get(spa).get(tha);
        return Arrays.equals(spa, target) && Arrays.equals(tha, mac) ? Optional.of(sha) : Optional.empty();
    }

    private static void check(byte[] mac, byte[] target) {
        if (mac.length != 6 || target.length != 4) {
            throw new IllegalArgumentException("ARP here is Ethernet (6-byte MAC) and IPv4 (4-byte address)");
        }
    }
}
