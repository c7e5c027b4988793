package org.bondtray.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bondtray.testing.VirtualDesktop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray launcher's class archive, run as shipped with a stand-in for its Java: the first run
 * lists its classes, the archive is made from the fullest list only once every tray has ended,
 * and no tray's start waits on it; later starts map it. The lab proves it with the real JVM
 * (PackageLabIT).
 */
class TrayArchiveTest {
    /**
     * Java as the launcher calls it: every call noted; a dump copies its class list to the
     * archive (once the test lets it); a tray runs until the test ends it, then writes as many
     * class lines as it was told, as the JVM writes the list's last part as it ends.
     */
    private static final String JAVA = """
            #!/bin/sh
            echo "$STAND_IN_NAME $*" >> "$STAND_IN_DIR/calls"
            for a in "$@"; do
                case $a in
                    -XX:DumpLoadedClassList=*) list=${a#*=} ;;
                    -XX:SharedClassListFile=*) from=${a#*=} ;;
                    -XX:SharedArchiveFile=*) to=${a#*=} ;;
                    -Xshare:dump) dump=1 ;;
                esac
            done
            if [ -n "${dump:-}" ]; then
                while [ -e "$STAND_IN_DIR/hold-dump" ]; do sleep 0.05; done
                cp "$from" "$to"
                exit 0
            fi
            while [ ! -e "$STAND_IN_DIR/end-$STAND_IN_NAME" ]; do sleep 0.05; done
            [ -n "${list:-}" ] && seq "$STAND_IN_CLASSES" > "$list"
            exit 0
            """;

    @TempDir
    Path dir;
    private Path launcher;
    private Path cache;
    private final List<Process> trays = new ArrayList<>();

    @BeforeEach
    void install() throws Exception {
        launcher = LauncherTree.install(dir, JAVA);
        cache = dir.resolve("cache/bondtray");
    }

    /** Ends the trays, then waits for the jobs they left, which end once no tray runs. */
    @AfterEach
    void endTrays() throws Exception {
        List<ProcessHandle> jobs = ProcessHandle.current().descendants().toList();
        trays.forEach(Process::destroyForcibly);
        Files.deleteIfExists(dir.resolve("hold-dump"));
        for (ProcessHandle job : jobs) {
            job.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void theFirstRunListsItsClassesAndTheNextMapsTheArchiveMadeFromThem() throws Exception {
        Process first = tray("first", 300);
        awaitCall("first ");
        assertTrue(lastCall("first").contains("-XX:DumpLoadedClassList=" + cache + "/tray-"), lastCall("first"));
        assertFalse(lastCall("first").contains("-XX:SharedArchiveFile"), "no archive yet");
        assertTrue(archives().isEmpty(), "nothing made while the tray runs");
        end("first", first);
        Path archive = awaitArchive();
        assertEquals(300, Files.readAllLines(archive).size(), "made from the list the tray wrote as it ended");
        tray("second", 10);
        awaitCall("second ");
        assertTrue(lastCall("second").contains("-XX:SharedArchiveFile=" + archive), lastCall("second"));
        assertFalse(lastCall("second").contains("DumpLoadedClassList"), "no list once the archive is made");
    }

    @Test
    void theArchiveWaitsForEveryTrayAndTakesTheFullestList() throws Exception {
        // Two trays at once (two sessions of one user): the first to start lists few classes.
        Process brief = tray("brief", 20);
        awaitCall("brief ");
        Process full = tray("full", 500);
        awaitCall("full ");
        end("brief", brief);
        Thread.sleep(500);
        assertTrue(archives().isEmpty(), "not while a tray runs");
        end("full", full);
        assertEquals(500, Files.readAllLines(awaitArchive()).size(), "from the fullest list");
    }

    @Test
    void noTraysStartWaitsOnTheArchiveBeingMade() throws Exception {
        Files.writeString(dir.resolve("hold-dump"), "");
        Process first = tray("first", 100);
        awaitCall("first ");
        end("first", first);
        awaitCall("dump ");
        // The archive is being made, held there: a tray that starts now runs at once.
        tray("during", 10);
        awaitCall("during ");
        assertTrue(archives().isEmpty(), "the archive was still being made");
        Files.delete(dir.resolve("hold-dump"));
        awaitArchive();
    }

    private Process tray(String name, int classes) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "tray");
        Map<String, String> env = pb.environment();
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("STAND_IN_DIR", dir.toString());
        env.put("STAND_IN_NAME", name);
        env.put("STAND_IN_CLASSES", Integer.toString(classes));
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
        trays.add(p);
        return p;
    }

    private void end(String name, Process tray) throws Exception {
        Files.writeString(dir.resolve("end-" + name), "");
        assertTrue(tray.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), name + " ended");
    }

    private void awaitCall(String start) throws Exception {
        VirtualDesktop.waitFor("a call starting with '" + start + "'", Duration.ofSeconds(10),
                () -> calls().stream().anyMatch(c -> c.startsWith(start) || start.equals("dump ") && c.contains("-Xshare:dump")));
    }

    private String lastCall(String name) throws Exception {
        return calls().stream().filter(c -> c.startsWith(name + " ") && !c.contains("-Xshare:dump")).reduce((a, b) -> b)
                .orElse("");
    }

    private List<String> calls() throws Exception {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private Path awaitArchive() throws Exception {
        VirtualDesktop.waitFor("the tray's class archive", Duration.ofSeconds(10), () -> archives().size() == 1);
        return archives().getFirst();
    }

    private List<Path> archives() throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }
}
