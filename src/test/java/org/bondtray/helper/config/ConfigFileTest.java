package org.bondtray.helper.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bondtray.helper.Addressing;
import org.bondtray.helper.Preference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration file survives a round trip, and a broken one never stops the helper. */
class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsWhatIsLoaded() throws Exception {
        ConfigFile file = new ConfigFile(dir);
        BondConfig c = new BondConfig("bond0", List.of("aa:bb:cc:dd:ee:ff", "wl*"), Preference.AUTOMATIC, "eth0",
                200, 400, 0, Addressing.BOTH, List.of("192.168.50.250/24", "fd00:50::250/64"),
                List.of("192.168.50.1"), List.of("192.168.50.1", "fd00:50::1"),
                List.of("10.8.0.0/16 via 192.168.50.1", "fd00:8::/48 via fd00:50::1"), 600, "192.168.50.249/24");
        file.save(c);
        assertEquals(c, file.load().config().orElseThrow());
        assertTrue(Files.readString(file.path()).startsWith("# Bondtray helper configuration"), "readable by people");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(file.path()), left.toList(), "no temporary file is left behind");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"preference = fastest\n", "just some words\n", "miimon = -5\n", "colour = blue\n",
            "addresses = 192.168.1.7\n", "dns = ns.example.org\n", "gateway = face.cafe\n", "dns = 1.2.3\n", "addressing = sometimes\n",
            "routes = 10.8.0.0/16\n", "routes = 10.8.0.1/16 via 10.0.0.1\n", "route_metric = 70000\n",
            "fallback = fd00::9/64\n",
            "\u0000\u0001binary"})
    void aCorruptFileIsKeptAsideAndReported(String content) throws Exception {
        ConfigFile file = new ConfigFile(dir);
        Files.writeString(file.path(), content);
        ConfigFile.Loaded loaded = file.load();
        assertTrue(loaded.config().isEmpty());
        assertTrue(loaded.problem().contains("corrupt") && loaded.problem().contains("kept as"), loaded.problem());
        assertFalse(Files.exists(file.path()), "the corrupt file is out of the way");
        try (var left = Files.list(dir)) {
            assertTrue(left.anyMatch(p -> p.getFileName().toString().startsWith(ConfigFile.NAME + ".corrupt-")));
        }
    }

    @Test
    void addressesEditedByHandReadAsTheBusSavesThem() throws Exception {
        ConfigFile file = new ConfigFile(dir);
        Files.writeString(file.path(), "ports = eth0 wlan0\naddressing = both\naddresses = FD00:50:0::250/64\n"
                + "gateway = fd00:0050::1\ndns = FD00:50::53 192.168.50.1\n");
        BondConfig c = file.load().config().orElseThrow();
        assertEquals(List.of("fd00:50::250/64"), c.addresses());
        assertEquals(List.of("fd00:50::1"), c.gateways());
        assertEquals(List.of("fd00:50::53", "192.168.50.1"), c.dns());
    }

    @Test
    void noFileMeansUnconfiguredWithoutAProblem() {
        ConfigFile.Loaded loaded = new ConfigFile(dir).load();
        assertTrue(loaded.config().isEmpty());
        assertEquals("", loaded.problem());
    }
}
