package org.bondtray.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bondtray.testing.VirtualDesktop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's AOT cache, run as shipped with a stand-in for its Java: a user's command
 * trains it in the background, and the package's own scripts (system-hooks, as the package is
 * removed) neither train it nor leave a cache folder behind. The lab proves the cache with the
 * real JVM (PackageLabIT).
 */
class CommandLineCacheTest {
    /** Java as the launcher calls it: every call noted, the command's output a word. */
    private static final String JAVA = """
            #!/bin/sh
            echo "$*" >> "$STAND_IN_DIR/calls"
            echo ran
            """;

    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void install() throws Exception {
        launcher = LauncherTree.install(dir, JAVA);
    }

    @Test
    void aUsersCommandTrainsTheCacheInTheBackground() throws Exception {
        assertEquals("ran", run(false));
        VirtualDesktop.waitFor("the training's record run", Duration.ofSeconds(10),
                () -> calls().stream().anyMatch(c -> c.contains("-XX:AOTMode=record")));
        assertTrue(Files.isDirectory(dir.resolve("cache/bondtray")), "the user's cache folder");
    }

    @Test
    void theMaintainerScriptsCommandLeavesNoCacheAndNoTraining() throws Exception {
        assertEquals("ran", run(true));
        // A training would start at once, in the background: give it the time it would take.
        Thread.sleep(500);
        assertEquals(1, calls().size(), "the command alone: " + calls());
        assertFalse(calls().getFirst().contains("AOT"), calls().getFirst());
        assertFalse(Files.exists(dir.resolve("cache")), "no cache folder");
        assertTrue(Files.readString(Path.of("src/package/files/system-hooks"))
                .contains("BONDTRAY_NO_CACHE=1 /usr/bin/bondtray disable"), "system-hooks asks for it");
    }

    /**
     * Joining a WPA2 network hashes the passphrase (PBKDF2) in the command: compiled (C1) it took
     * 0.12 s on the host, interpreted 1.1 s. Every other command stays interpreted.
     */
    @Test
    void aWifiJoinRunsCompiledAndTheRestInterpreted() throws Exception {
        assertEquals("ran", run(true, "wifi", "connect", "office"));
        assertEquals("ran", run(true, "wifi", "list"));
        assertEquals("ran", run(true, "status"));
        List<String> calls = calls();
        assertEquals(3, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("-XX:TieredStopAtLevel=1") && !calls.get(0).contains("-Xint"), calls.get(0));
        assertTrue(calls.get(1).contains("-Xint"), calls.get(1));
        assertTrue(calls.get(2).contains("-Xint"), calls.get(2));
    }

    private String run(boolean noCache) throws Exception {
        return run(noCache, "disable");
    }

    private String run(boolean noCache, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(launcher.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().put("STAND_IN_DIR", dir.toString());
        if (noCache) {
            pb.environment().put("BONDTRAY_NO_CACHE", "1");
        }
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

    private List<String> calls() throws Exception {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
