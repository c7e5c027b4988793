package org.bondtray.helper.wifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Wi-Fi networks keep connections, per cable network, over a restart. */
class KeepingNetworksTest {
    private static final String OFFICE = "52:54:00:00:00:01";
    private static final String HOME = "52:54:00:00:00:09";

    @Test
    void aSameNetworkVerdictAddsAndADifferentOneRemovesPerCableNetwork(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keeping-networks");
        KeepingNetworks k = new KeepingNetworks(file);
        assertEquals(List.of(), k.now(), "nothing known yet");
        assertTrue(k.judged(OFFICE, "office-wifi", true));
        assertFalse(k.judged(OFFICE, "office-wifi", true), "known already: nothing to save");
        assertFalse(k.judged(OFFICE, "guest", false), "a network that never kept is not added");
        assertEquals(List.of("office-wifi"), k.now());
        k.judged(HOME, "home", true);
        assertEquals(List.of("home"), k.now(), "the cable is at home now: home's networks");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        KeepingNetworks restarted = new KeepingNetworks(file);
        assertEquals(List.of("home"), restarted.now(), "after a restart: the networks of the cable's last network");

        KeepingNetworks again = new KeepingNetworks(file);
        again.judged(OFFICE, "guest", false);
        assertEquals(List.of("office-wifi"), again.now(), "remembered over a restart, per cable network");
        assertTrue(again.judged(OFFICE, "office-wifi", false), "seen on another network now: no longer kept");
        assertEquals(List.of(), again.now());
    }

    @Test
    void whatCouldBreakALineIsNeitherKeptNorRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keeping-networks");
        KeepingNetworks k = new KeepingNetworks(file);
        assertFalse(k.judged(OFFICE, "evil\nnameserver 1.2.3.4", true));
        assertFalse(k.judged("not-a-mac", "office", true));
        Files.writeString(file, OFFICE + "\tok\n" + OFFICE + "\tbad\u001b[31m\nzz:zz\tx\n");
        KeepingNetworks read = new KeepingNetworks(file);
        read.judged(OFFICE, "other", false);
        assertEquals(List.of("ok"), read.now());
    }
}
