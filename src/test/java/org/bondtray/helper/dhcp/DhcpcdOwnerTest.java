package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.bondtray.helper.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dhcpcd's supervision is the helper's one thread's, like the rest of its state: it keeps no
 * thread of its own, its changes are told on the owner's thread, and what blocks (a dhcpcd that
 * ignores SIGTERM, a slow start) never holds that thread up.
 */
class DhcpcdOwnerTest {
    @AfterEach
    void noStandInOutlivesItsCase() {
        StandIn.killAll();
    }

    /** A stand-in named dhcpcd: writes its pid file and runs; "--release" ends the one running. */
    private static final String STAND_IN = """
            #!/bin/sh
            here="$(dirname "$0")"
            if [ "$1" = "--release" ]; then echo "$2" >> "$here/released"; kill "$(cat "$here/run/bond0.pid")"; exit 0; fi
            [ "$1" = "--config" ] || exit 0
            [ -e "$here/stubborn" ] && trap '' TERM
            echo $$ > "$here/run/bond0.pid"
            while :; do sleep 0.1; done
            """;


    @Test
    void itsChangesAreToldOnTheOwnersThreadAndItKeepsNoThreadOfItsOwn(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STAND_IN);
        List<String> toldOn = new CopyOnWriteArrayList<>();
        try (Worker owner = new Worker();
             Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> toldOn.add(Thread.currentThread().getName()))) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.networkChanged();
            ProcessHandle second = StandIn.await(paths, first.pid());
            awaitState(dhcp, "running");
            assertFalse(toldOn.isEmpty());
            assertTrue(toldOn.stream().allMatch("helper"::equals), "told on: " + toldOn);
            assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("dhcpcd")),
                    "no thread of dhcpcd's own");
            second.destroyForcibly();
        }
    }

    @Test
    void aDhcpcdThatIgnoresSigtermDoesNotHoldUpTheOwner(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STAND_IN);
        Files.writeString(dir.resolve("stubborn"), "");
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            // A wake-up's restart asks the old dhcpcd to stop (one of a network left is killed at once).
            dhcp.wokeUp();
            // The restart comes 2 s after the wake-up; the stubborn one then has 1.5 s before SIGKILL.
            Thread.sleep(2600);
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            owner.execute("a look at the kernel", () -> answer.complete(first.isAlive()));
            assertTrue(answer.get(20, TimeUnit.SECONDS),
                    "the owner ran other work while the old dhcpcd still ignored its SIGTERM");
            ProcessHandle second = StandIn.await(paths, first.pid());
            assertFalse(first.isAlive());
            second.destroyForcibly();
        }
    }

    @Test
    void aReleaseDuringAStartReleasesTheDhcpcdThatStarted(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STAND_IN);
        // A unit that takes a second to come up, as systemd's may under load.
        Dhcpcd.Launcher slow = (argv, bond, p) -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                throw new java.io.IOException(e);
            }
            return Dhcpcd.CHILD.launch(argv, bond, p);
        };
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, slow, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            Thread.sleep(200);
            dhcp.release();
            Path pidFile = paths.runDir().resolve("bond0.pid");
            assertTrue(Files.exists(pidFile), "the start went on, and its dhcpcd ran");
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "the dhcpcd the start launched was released once it was up");
            assertEquals("off", dhcp.state());
        }
    }

    /**
     * A lease held ahead of time on a backup port is given up by stopping its dhcpcd, not by a
     * release: the server keeps the address for the bond that may come. The bond's own is released.
     */
    @Test
    void stoppingKeepsTheLeaseAndReleasingGivesItBack(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STAND_IN);
        Path released = dir.resolve("released");
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.stopLater();
            first.onExit().get(20, TimeUnit.SECONDS);
            awaitState(dhcp, "off");
            assertFalse(Files.exists(released), "stopped without a release");
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle second = StandIn.await(paths, first.pid());
            dhcp.releaseLater();
            second.onExit().get(20, TimeUnit.SECONDS);
            assertEquals("bond0", Files.readString(released).strip());
        }
    }


    private static void awaitState(Dhcpcd dhcp, String state) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!state.equals(dhcp.state()) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(state, dhcp.state());
    }
}
