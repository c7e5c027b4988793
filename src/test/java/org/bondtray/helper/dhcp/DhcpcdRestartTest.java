package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move to another network starts a new dhcpcd; one that leaves SIGTERM unanswered (as dhcpcd
 * 9.4.1 did in the lab, seconds after it started) is killed, never adopted again.
 */
class DhcpcdRestartTest {
    /** A stand-in named dhcpcd (its comm, as the helper checks): writes its pid file and ignores SIGTERM. */
    private static final String STUBBORN = """
            #!/bin/sh
            [ "$1" = "--config" ] || exit 0
            trap '' TERM
            echo $$ > "$(dirname "$0")/run/bond0.pid"
            while :; do sleep 0.1; done
            """;

    @Test
    void aDhcpcdThatIgnoresSigtermIsKilledAndANewOneStarted(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("dhcpcd");
        Files.writeString(binary, STUBBORN);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Dhcpcd.Paths paths = new Dhcpcd.Paths(binary, Files.createDirectories(dir.resolve("conf")),
                Files.createDirectories(dir.resolve("state")), run);
        try (Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = await(paths, -1);
            dhcp.networkChanged();
            ProcessHandle second = await(paths, first.pid());
            assertNotEquals(first.pid(), second.pid());
            assertFalse(first.isAlive(), "the old dhcpcd is gone");
            second.destroyForcibly();
        }
    }

    /** The dhcpcd the pid file names, once it is another than {@code not}. */
    private static ProcessHandle await(Dhcpcd.Paths paths, long not) throws InterruptedException {
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
