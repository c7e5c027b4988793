package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dhcpcd's lease files are the servers' replies as they came; the helper reads what it shows. */
class LeaseTest {

    /** A DHCPACK as dnsmasq sends it: BOOTP header, cookie, options. */
    static byte[] ack(int... options) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] header = new byte[236];
        header[0] = 2;
        header[16] = (byte) 192;
        header[17] = (byte) 168;
        header[18] = 50;
        header[19] = 116;
        b.writeBytes(header);
        b.writeBytes(new byte[] {99, (byte) 130, 83, 99});
        for (int o : options) {
            b.write(o);
        }
        b.write(255);
        return b.toByteArray();
    }

    @Test
    void readsAddressServerTimeAndNameServers() {
        byte[] msg = ack(53, 1, 5, 0, 0, 54, 4, 192, 168, 50, 1, 51, 4, 0, 0, 14, 16, 6, 8, 192, 168, 50, 1, 9, 9, 9, 9,
                15, 3, 'l', 'a', 'n');
        Lease l = Lease.parse4(msg, 1234).orElseThrow();
        assertEquals("192.168.50.116", l.address());
        assertEquals("192.168.50.1", l.server());
        assertEquals(3600, l.seconds());
        assertEquals(List.of("192.168.50.1", "9.9.9.9"), l.dns());
        assertEquals(List.of("lan"), l.domains());
        assertEquals(1234, l.obtainedMs());
        assertTrue(l.bound());
    }

    /** A hostile server's option 15: a line break and resolver directives after a real domain. */
    @Test
    void aDomainNameOptionWritesNoResolverDirectives() {
        byte[] forged = "corp.example\nnameserver 203.0.113.5\noptions trust-ad".getBytes(StandardCharsets.US_ASCII);
        int[] option = new int[forged.length + 2];
        option[0] = 15;
        option[1] = forged.length;
        for (int i = 0; i < forged.length; i++) {
            option[i + 2] = forged[i];
        }
        assertEquals(List.of(), Lease.parse4(ack(option), 0).orElseThrow().domains());
        assertEquals(List.of("a.example", "b.example"),
                Lease.parse4(ack(15, 19, 'a', '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e', ' ', 'b', '.', 'e', 'x', 'a', 'm', 'p',
                        'l', 'e'), 0).orElseThrow().domains());
    }

    @Test
    void aTruncatedOptionEndsTheReadingWithoutFailing() {
        byte[] msg = ack(54, 4, 192, 168, 50, 1, 6, 200, 1, 2);
        Lease l = Lease.parse4(msg, 0).orElseThrow();
        assertEquals("192.168.50.1", l.server());
        assertEquals(List.of(), l.dns());
    }

    @Test
    void somethingElseIsNoLease() {
        assertTrue(Lease.parse4(new byte[10], 0).isEmpty());
        assertTrue(Lease.parse4(new byte[300], 0).isEmpty(), "no magic cookie");
    }

    @Test
    void readsDhcpv6NameServers() {
        byte[] msg = {7, 1, 2, 3,
            0, 23, 0, 16, (byte) 0xfd, 0, 0, 0x50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            0, 2, 0, 2, 9, 9};
        assertEquals(List.of("fd00:50::1"), Lease.dns6(msg));
    }

    @Test
    void readsBothFilesOfABond(@TempDir Path dir) throws Exception {
        assertFalse(Lease.read(dir, "bond0").bound());
        Files.write(dir.resolve("bond0.lease"), ack(54, 4, 192, 168, 50, 1, 6, 4, 192, 168, 50, 1));
        Files.write(dir.resolve("bond0.lease6"), new byte[] {7, 1, 2, 3,
            0, 23, 0, 16, (byte) 0xfd, 0, 0, 0x50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        Lease l = Lease.read(dir, "bond0");
        assertEquals("192.168.50.116", l.address());
        assertEquals(List.of("192.168.50.1", "fd00:50::1"), l.dns());
        assertTrue(l.obtainedMs() > 0);
    }
}
