package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;

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


    @Test
    void aDhcpcdThatIgnoresSigtermIsKilledAndANewOneStarted(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STUBBORN);
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.networkChanged();
            ProcessHandle second = StandIn.await(paths, first.pid());
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
        Dhcpcd.Paths paths = StandIn.paths(dir, NOTING);
        Files.writeString(paths.stateDir().resolve("bond0.lease"), "the LAN's");
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.wokeUp();
            ProcessHandle second = StandIn.await(paths, first.pid());
            assertEquals("lease", Files.readString(paths.runDir().resolve("found-" + second.pid())).strip(),
                    "the new dhcpcd asks for the same lease (INIT-REBOOT): a yes keeps the address");
            second.destroyForcibly();
        }
    }

}
