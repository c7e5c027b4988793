package org.bondtray.helper.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The probe the same-network check sends and the answer it takes, byte for byte. */
class ArpPacketTest {
    private static final byte[] MAC = HexFormat.ofDelimiter(":").parseHex("02:00:00:00:00:01");
    private static final byte[] GATEWAY = {(byte) 192, (byte) 168, 50, 1};
    private static final byte[] GATEWAY_MAC = HexFormat.ofDelimiter(":").parseHex("52:54:00:aa:bb:cc");

    @Test
    void theProbeTellsNobodyAnAddress() {
        byte[] p = ArpPacket.probe(MAC, GATEWAY);
        assertEquals(28, p.length);
        assertEquals("0001080006040001", HexFormat.of().formatHex(p, 0, 8), "Ethernet, IPv4, request");
        assertArrayEquals(MAC, java.util.Arrays.copyOfRange(p, 8, 14));
        assertArrayEquals(new byte[4], java.util.Arrays.copyOfRange(p, 14, 18), "sender address 0.0.0.0 (RFC 5227)");
        assertArrayEquals(GATEWAY, java.util.Arrays.copyOfRange(p, 24, 28));
    }

    @Test
    void theGatewaysAnswerNamesItsMac() {
        byte[] reply = reply(2, GATEWAY_MAC, GATEWAY, MAC);
        assertArrayEquals(GATEWAY_MAC, ArpPacket.answerer(reply, reply.length, MAC, GATEWAY).orElseThrow());
    }

    @Test
    void otherPacketsAreNoAnswer() {
        assertTrue(ArpPacket.answerer(reply(1, GATEWAY_MAC, GATEWAY, MAC), 28, MAC, GATEWAY).isEmpty(), "a request");
        assertTrue(ArpPacket.answerer(reply(2, GATEWAY_MAC, new byte[] {10, 0, 0, 1}, MAC), 28, MAC, GATEWAY).isEmpty(),
                "someone else's address");
        assertTrue(ArpPacket.answerer(reply(2, GATEWAY_MAC, GATEWAY, GATEWAY_MAC), 28, MAC, GATEWAY).isEmpty(),
                "an answer to another port");
        assertTrue(ArpPacket.answerer(reply(2, GATEWAY_MAC, GATEWAY, MAC), 20, MAC, GATEWAY).isEmpty(), "cut short");
        assertThrows(IllegalArgumentException.class, () -> ArpPacket.probe(new byte[8], GATEWAY));
    }

    private static byte[] reply(int op, byte[] sha, byte[] spa, byte[] tha) {
        return ByteBuffer.allocate(28).putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4)
                .putShort((short) op).put(sha).put(spa).put(tha).put(new byte[4]).array();
    }
}
