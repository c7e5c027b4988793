package org.bondtray.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class PackagingTest {

    @Test
    void gzipReadsBackAndSaysItIsMaximallyCompressed() throws Exception {
        String text = ".TH BONDTRAY 1\n".repeat(200);
        byte[] gz = SystemLayout.gzip(text);
        // XFL 2 ("slowest algorithm"), no name, no time stamp: what gzip -9n writes and lintian checks.
        assertEquals(2, gz[8]);
        assertEquals(0, gz[3], "no flags: no file name");
        assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "no time stamp");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void snapshotsSortBeforeTheRelease() {
        assertEquals("0.1.0~snapshot", DebPackage.debianVersion("0.1.0-SNAPSHOT"));
        assertEquals("0.1.0", DebPackage.debianVersion("0.1.0"));
        assertEquals("1.0.0~rc1", DebPackage.debianVersion("1.0.0-rc1"));
    }

    @Test
    void onlyLaunchersHooksAndTheRuntimesProgramsRun() {
        assertTrue(SystemLayout.isProgram(Path.of("usr/bin/bondtray")));
        assertTrue(SystemLayout.isProgram(Path.of("usr/lib/bondtray/bondtray-helper")));
        assertTrue(SystemLayout.isProgram(Path.of("usr/lib/bondtray/runtime/bin/java")));
        assertTrue(SystemLayout.isProgram(Path.of("usr/lib/bondtray/runtime/lib/jspawnhelper")));
        assertFalse(SystemLayout.isProgram(Path.of("usr/lib/bondtray/runtime/lib/libjvm.so")));
        assertFalse(SystemLayout.isProgram(Path.of("usr/share/dbus-1/system.d/org.bondtray.Helper.conf")));
        assertFalse(SystemLayout.isProgram(Path.of("usr/lib/bondtray/lib/bondtray.jar")));
    }

    /**
     * Every start of the shipped runtime is C1 only, as every lab JVM runs: the only JVMs that
     * ever crashed in the lab were the launchers' with C2 as well (the helper's, then the tray's).
     */
    @Test
    void everyLauncherRunsTheRuntimeAsTheLabDoes() throws Exception {
        for (String launcher : List.of("bondtray", "bondtray-helper")) {
            List<String> execs = Files.readAllLines(Path.of("src/package/files", launcher)).stream()
                    .filter(l -> l.strip().startsWith("exec ")).toList();
            assertFalse(execs.isEmpty(), launcher);
            for (String exec : execs) {
                assertTrue(exec.contains("-XX:TieredStopAtLevel=1"), launcher + ": " + exec);
            }
        }
    }

    /** The root daemon's heap is a small daemon's, not one sized from the machine's memory. */
    @Test
    void theHelpersHeapIsBounded() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray-helper"));
        for (String flag : List.of("-Xms12m", "-Xmx96m", "-XX:MaxHeapFreeRatio=20")) {
            assertTrue(launcher.contains(flag), flag);
        }
    }

    /** Idle, no JVM thread polls four times a second (measured: 166 -> 44-46 switches per 30 s). */
    @Test
    void theHelpersJvmDoesNotPollWhenIdle() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray-helper"));
        assertTrue(launcher.contains("-XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=0"), launcher);
    }

    /**
     * The helper's class archive is written where its unit lets it write (ProtectSystem=strict
     * leaves nothing else), and goes whenever Bondtray's files are installed again: the JVM makes
     * a missing archive, but keeps one that no longer matches the jars unused for good.
     */
    @Test
    void theHelpersClassArchiveLivesInItsUnitsCacheFolder() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray-helper"));
        assertTrue(launcher.contains("cache=/var/cache/bondtray"), launcher);
        assertTrue(launcher.contains("-XX:SharedArchiveFile=\"$cache/helper.jsa\" -XX:+AutoCreateSharedArchive"), launcher);
        List<String> unit = Files.readAllLines(Path.of("src/dist/bondtray-helper.service"));
        assertTrue(unit.contains("CacheDirectory=bondtray"), unit.toString());
        String hooks = Files.readString(Path.of("src/package/files/system-hooks"));
        String reload = hooks.substring(hooks.indexOf("reload() {"), hooks.indexOf("}", hooks.indexOf("reload() {")));
        assertTrue(reload.contains("rm -f /var/cache/bondtray/helper.jsa"), reload);
    }

    /**
     * The tray, which runs all day, gets a small heap too: on the host (24 GB) its idle RSS went
     * from 78.4 to 65.7 MB with these bounds.
     */
    @Test
    void theTraysHeapIsBounded() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray"));
        String tray = launcher.substring(launcher.indexOf("if [ \"${1:-}\" = tray ]"), launcher.indexOf("\nfi\n"));
        for (String flag : List.of("-Xms16m", "-Xmx256m", "-XX:MaxHeapFreeRatio=30",
                "-XX:SharedArchiveFile=\"$archive\" -XX:+AutoCreateSharedArchive")) {
            assertTrue(tray.contains(flag), flag + " in " + tray);
        }
    }
}
