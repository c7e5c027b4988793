package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bondtray.helper.Owner;
import org.bondtray.helper.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A move to another network, and a wake-up, start a new dhcpcd that asks for its lease again; one
 * that leaves SIGTERM unanswered (as dhcpcd 9.4.1 did in the lab, seconds after it started) is
 * killed, never adopted again, and the one of a network the bond left is killed at once.
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

    @AfterEach
    void noStandInOutlivesItsCase() {
        StandIn.killAll();
    }

    @Test
    void aDhcpcdThatIgnoresSigtermIsKilledAndANewOneStarted(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STUBBORN);
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.wokeUp();
            ProcessHandle second = StandIn.await(paths, first.pid());
            assertNotEquals(first.pid(), second.pid());
            assertFalse(first.isAlive(), "the old dhcpcd is gone");
            second.destroyForcibly();
        }
    }

    /** A stand-in that notes each SIGTERM it gets, and goes on. */
    private static final String NOTING_SIGTERM = """
            #!/bin/sh
            [ "$1" = "--config" ] || exit 0
            here="$(dirname "$0")"
            trap 'echo $$ >> "$here/run/sigterm"' TERM
            echo $$ > "$here/run/bond0.pid"
            while :; do sleep 0.1; done
            """;

    /**
     * The dhcpcd of a network the bond left is killed at once, through its launcher: it has
     * nothing to say to that network's server, and waiting on its SIGTERM cost the lab's roam
     * 1.5 s.
     */
    @Test
    void theDhcpcdOfTheNetworkLeftIsKilledWithoutASigterm(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, NOTING_SIGTERM);
        List<String> kills = new CopyOnWriteArrayList<>();
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, recordingKills(kills), owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.networkChanged();
            ProcessHandle second = StandIn.await(paths, first.pid());
            assertEquals(List.of("bond0"), kills, "killed through the launcher");
            assertFalse(first.isAlive(), "the old dhcpcd is gone");
            assertFalse(Files.exists(paths.runDir().resolve("sigterm")), "and was never asked to stop");
            second.destroyForcibly();
        }
    }

    /** dhcpcd as the helper's child, with each kill through the launcher noted in {@code kills}. */
    private static Dhcpcd.Launcher recordingKills(List<String> kills) {
        return new Dhcpcd.Launcher() {
            @Override
            public ProcessHandle launch(List<String> argv, String bond, Dhcpcd.Paths p) throws java.io.IOException {
                return Dhcpcd.CHILD.launch(argv, bond, p);
            }

            @Override
            public void kill(ProcessHandle p, String bond) {
                kills.add(bond);
                Dhcpcd.Launcher.super.kill(p, bond);
            }
        };
    }

    /** As {@link #STUBBORN}, with a child of its own (as dhcpcd's privilege-separated ones) that ignores SIGTERM too. */
    private static final String STUBBORN_WITH_CHILD = """
            #!/bin/sh
            [ "$1" = "--config" ] || exit 0
            trap '' TERM
            here="$(dirname "$0")"
            sh -c 'trap "" TERM; while :; do sleep 0.1; done' &
            echo $! >> "$here/run/children"
            echo $$ > "$here/run/bond0.pid"
            while :; do sleep 0.1; done
            """;

    /**
     * A dhcpcd that leaves SIGTERM unanswered is killed through its launcher, children and all:
     * under systemd its unit would otherwise wait out its stop timeout before the next start.
     */
    @Test
    void aHungDhcpcdIsKilledThroughItsLauncherWithItsChildren(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, STUBBORN_WITH_CHILD);
        List<String> kills = new CopyOnWriteArrayList<>();
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, recordingKills(kills), owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            long child = Long.parseLong(Files.readString(paths.runDir().resolve("children")).lines().findFirst().orElseThrow());
            dhcp.wokeUp();
            ProcessHandle second = StandIn.await(paths, first.pid());
            assertEquals(List.of("bond0"), kills, "killed through the launcher");
            assertFalse(first.isAlive(), "the old dhcpcd is gone");
            // A signal is delivered, and the orphan reaped, a moment after the kill returns.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "and its child too");
            second.descendants().forEach(ProcessHandle::destroyForcibly);
            second.destroyForcibly();
        }
    }

    /** A stand-in that writes its pid file and keeps a copy of the configuration it was started with. */
    private static final String READING = """
            #!/bin/sh
            [ "$1" = "--config" ] || exit 0
            here="$(dirname "$0")"
            cp "$2" "$here/run/conf-$$"
            echo $$ > "$here/run/bond0.pid"
            while :; do sleep 0.1; done
            """;

    @Test
    void aDhcpcdForAnotherNetworkGoesStraightToDiscover(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, READING);
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { })) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            dhcp.networkChanged();
            ProcessHandle moved = StandIn.await(paths, first.pid());
            dhcp.wokeUp();
            ProcessHandle woken = StandIn.await(paths, moved.pid());
            assertEquals("allowinterfaces bond0\n", conf(paths, first), "a first start asks for its lease again");
            assertEquals("allowinterfaces bond0\n" + DhcpcdConfig.DISCOVER_FIRST, conf(paths, moved),
                    "another network's server would only refuse the old address");
            assertTrue(conf(paths, moved).contains("\nreboot 0\n"), conf(paths, moved));
            assertEquals("allowinterfaces bond0\n", conf(paths, woken),
                    "after a wake-up the same network is likely: the lease is asked for again");
            woken.destroyForcibly();
        }
    }

    private static String conf(Dhcpcd.Paths paths, ProcessHandle p) throws Exception {
        return Files.readString(paths.runDir().resolve("conf-" + p.pid()));
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

    /**
     * dhcpcd 9.4.1, sent straight to DISCOVER, never drops the old network's addresses: once the
     * new network's lease is in, the helper is told which to take off, once: the old lease's and
     * the IPv6 ones the bond carried when the old dhcpcd was gone. A lease of the same address
     * (the verdict was wrong) takes nothing off.
     */
    @Test
    void theOldNetworksAddressesAreNamedOnceTheNewLeaseIsIn(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, READING);
        Files.write(paths.stateDir().resolve("bond0.lease"), LeaseTest.ack(53, 1, 5));
        List<String> asked = new CopyOnWriteArrayList<>();
        Dhcpcd.Leaving leaving = bond -> {
            // Asked with the old dhcpcd gone and the new one not started: no conf-<pid> of it yet.
            asked.add(bond + " " + StandIn.started(paths));
            return List.of("fd00:50::110");
        };
        try (Worker owner = new Worker(); Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { }, leaving)) {
            dhcp.ensure("bond0", "allowinterfaces bond0\n");
            ProcessHandle first = StandIn.await(paths, -1);
            Lease lan = dhcp.lease("bond0");
            assertEquals("192.168.50.116", lan.address());
            assertEquals(List.of(), leftBehind(owner, dhcp, lan), "no move, nothing left behind");
            dhcp.networkChanged();
            ProcessHandle moved = StandIn.await(paths, first.pid());
            assertEquals(List.of("bond0 1"), asked, "asked once, between the old dhcpcd and the new");
            assertEquals(List.of(), leftBehind(owner, dhcp, lan), "the new network's lease is not in yet");
            Lease cafe = lease("192.168.60.162", System.currentTimeMillis());
            assertEquals(List.of("192.168.50.116", "fd00:50::110"), leftBehind(owner, dhcp, cafe),
                    "the LAN's addresses go");
            assertEquals(List.of(), leftBehind(owner, dhcp, cafe), "once");

            dhcp.networkChanged();
            ProcessHandle back = StandIn.await(paths, moved.pid());
            assertEquals(List.of(), leftBehind(owner, dhcp, lease("192.168.50.116", System.currentTimeMillis() + 5000)),
                    "the same address again: the verdict was wrong, nothing goes");
            assertEquals(List.of(), leftBehind(owner, dhcp, lease("192.168.60.7", System.currentTimeMillis())),
                    "and nothing is left behind any more");
            dhcp.wokeUp();
            ProcessHandle woken = StandIn.await(paths, back.pid());
            assertEquals(2, asked.size(), "a wake-up is no move: " + asked);
            woken.destroyForcibly();
        }
    }

    private static Lease lease(String address, long obtainedMs) {
        return new Lease(address, "", 3600, obtainedMs, List.of(), List.of());
    }

    /** Asked on the owner's thread, as the helper's look asks. */
    private static List<String> leftBehind(Worker owner, Dhcpcd dhcp, Lease now) throws Exception {
        CompletableFuture<List<String>> out = new CompletableFuture<>();
        owner.execute("asking", () -> out.complete(dhcp.leftBehind(now)));
        return out.get(10, TimeUnit.SECONDS);
    }

    /**
     * The settle before a new dhcpcd counts from the switchover, not from when the owner's thread
     * gets to it: a look under way there (a few hundred ms in the lab's emulated VM) is spent
     * inside the settle, not added to it.
     */
    @Test
    void theSettleCountsFromTheSwitchover(@TempDir Path dir) throws Exception {
        Dhcpcd.Paths paths = StandIn.paths(dir, READING);
        ByHand owner = new ByHand();
        Dhcpcd dhcp = new Dhcpcd(paths, Dhcpcd.CHILD, owner, () -> { });
        dhcp.ensure("bond0", "allowinterfaces bond0\n");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!dhcp.state().equals("running") && System.nanoTime() < end) {
            owner.runNext();
        }
        ProcessHandle first = StandIn.await(paths, -1);
        dhcp.networkChanged();
        Thread.sleep(200);
        owner.runNext();
        first.destroyForcibly();
        assertEquals(1, owner.delays.size(), "one settle");
        assertTrue(owner.delays.get(0) <= TimeUnit.MILLISECONDS.toNanos(100),
                "300 ms from the switchover, 200 of them spent waiting for the owner: " + owner.delays.get(0) + " ns left");
    }

    /** An owner whose work the test runs by hand, noting each timer's delay instead of keeping it. */
    private static final class ByHand implements Owner {
        final LinkedBlockingQueue<Work> queue = new LinkedBlockingQueue<>();
        final List<Long> delays = new CopyOnWriteArrayList<>();

        @Override
        public void execute(String what, Work work) {
            queue.add(work);
        }

        @Override
        public Timer schedule(String what, long delayNanos, Work work) {
            delays.add(delayNanos);
            return () -> { };
        }

        @Override
        public boolean isOwner() {
            return true;
        }

        void runNext() throws Exception {
            Work w = queue.poll(1, TimeUnit.SECONDS);
            if (w != null) {
                w.run();
            }
        }
    }
}
