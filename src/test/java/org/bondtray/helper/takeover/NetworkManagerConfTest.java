package org.bondtray.helper.takeover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-boot file that keeps a restarted NetworkManager off the bond's ports. */
class NetworkManagerConfTest {
    @TempDir
    Path dir;

    @Test
    void theTakenPortsAreUnmanagedFromNetworkManagersStart() throws Exception {
        Path file = dir.resolve("bondtray.conf");
        NetworkManagerConf conf = new NetworkManagerConf(file);
        conf.ports(List.of("eth0", "wlp2s0"));
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("[device-bondtray-ports]",
                "match-device=interface-name:eth0,interface-name:wlp2s0", "managed=0"), lines);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        conf.ports(List.of());
        assertFalse(Files.exists(file), "given back: NetworkManager may have them after its next start");
    }

    /** A name its list syntax would read otherwise (a comma, a star) is left out, never written. */
    @Test
    void oddNamesNeverReachTheList() throws Exception {
        Path file = dir.resolve("bondtray.conf");
        new NetworkManagerConf(file).ports(List.of("eth0", "a,b", "x*", "new\nline"));
        assertEquals("match-device=interface-name:eth0", Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("match-device=")).findFirst().orElseThrow());
    }

    @Test
    void withoutNetworkManagersFolderNothingIsWritten() {
        Path file = dir.resolve("absent/bondtray.conf");
        new NetworkManagerConf(file).ports(List.of("eth0"));
        assertFalse(Files.exists(file));
    }
}
