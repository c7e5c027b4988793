package org.bondtray.helper.dhcp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** A shell script standing in for dhcpcd (named so, as the helper checks its comm), and waits on it. */
final class StandIn {
    private StandIn() {
    }

    /**
     * Kills every stand-in this JVM started, with its children. Some ignore SIGTERM and loop for
     * ever: one left by a failed case holds the test run's output open, and the build waits on
     * it (as it did here), so none outlives its case.
     */
    static void killAll() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("/dhcpcd")).orElse(false))
                .forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
    }

    /** dhcpcd's paths in {@code dir}, with {@code script} standing in for dhcpcd itself. */
    static Dhcpcd.Paths paths(Path dir, String script) throws Exception {
        Path binary = dir.resolve("dhcpcd");
        Files.writeString(binary, script);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
        return new Dhcpcd.Paths(binary, Files.createDirectories(dir.resolve("conf")),
                Files.createDirectories(dir.resolve("state")), Files.createDirectories(dir.resolve("run")));
    }

    /** How many stand-ins have started so far, for one that keeps its configuration as conf-PID. */
    static long started(Dhcpcd.Paths paths) {
        try (var files = Files.list(paths.runDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith("conf-")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The dhcpcd bond0's pid file names, once it is another than {@code not}. */
    static ProcessHandle await(Dhcpcd.Paths paths, long not) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            var p = DhcpcdFiles.running(paths, "bond0");
            if (p.isPresent() && p.get().pid() != not) {
                return p.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new dhcpcd in 20 s");
    }
}
