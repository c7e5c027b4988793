package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.bondtray.helper.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move to another network, and a wake-up, start a new dhcpcd that asks for its lease again; one
 * that leaves SIGTERM unanswered (as dhcpcd 9.4.1 did in the lab, seconds after it started) is
 * killed, never adopted again.
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

    /** dhcpcd's paths in {@code dir}, with {@code script} standing in for dhcpcd itself. */
    private static Dhcpcd.Paths standIn(Path dir, String script) throws Exception {
        Path binary = dir.resolve("dhcpcd");
        Files.writeString(binary, script);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
        return new Dhcpcd.Paths(binary, Files.createDirectories(dir.resolve("conf")),
                Files.createDirectories(dir.resolve("state")), Files.createDirectories(dir.resolve("run")));
    }

    @Test
    void aDhcpcdThatIgnoresSigtermIsKilledAndANewOneStarted(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = standIn(dir, STUBBORN);
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = await(paths, -1);
            dhcp.networkChanged();
            ProcessHandle second = await(paths, first.pid());
            assertNotEquals(first.pid(), second.pid());
            assertFalse(first.isAlive(), "the old dhcpcd is gone");
            second.destroyForcibly();
        }
    }

    /** A stand-in that writes its pid file and notes whether it found a lease to ask for again. */
    private static final String NOTING = """
            #!/bin/sh
            [ "$1" = "--config" ] || exit 0
            here="$(dirname "$0")"
            if [ -e "$here/state/bond0.lease" ]; then echo lease; else echo none; fi > "$here/run/found-$$"
            echo $$ > "$here/run/bond0.pid"
            while :; do sleep 0.1; done
            """;

    @Test
    void afterAWakeUpANewDhcpcdAsksForTheLeaseAgain(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = standIn(dir, NOTING);
        Files.writeString(paths.stateDir().resolve("bond0.lease"), "the LAN's");
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = await(paths, -1);
            dhcp.wokeUp();
            ProcessHandle second = await(paths, first.pid());
            assertEquals("lease", Files.readString(paths.runDir().resolve("found-" + second.pid())).strip(),
                    "the new dhcpcd asks for the same lease (INIT-REBOOT): a yes keeps the address");
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
