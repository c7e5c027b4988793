package org.bondtray.lab.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A switchover read from the kernel's records as iproute2 and tcpdump write them. */
class KernelClockTest {
    private static final String LINKS = """
            [2026-12-05T23:16:11.392332] 7: bond0: <BROADCAST,MULTICAST,MASTER,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP
                link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff promiscuity 0
                bond mode active-backup active_slave eth0 miimon 100 updelay 500 downdelay 0
            [2026-12-05T23:16:12.000100] 3: eth0: <NO-CARRIER,BROADCAST,MULTICAST,SLAVE,UP> mtu 1500 qdisc fq_codel master bond0 state DOWN
                link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff promiscuity 0
                bond_slave state ACTIVE mii_status UP link_failure_count 0
            [2026-12-05T23:16:12.004300] 7: bond0: <BROADCAST,MULTICAST,MASTER,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP
                link/ether 02:00:00:00:01:00 brd ff:ff:ff:ff:ff:ff promiscuity 0
                bond mode active-backup active_slave wlan0 miimon 100 updelay 500 downdelay 0
            [2026-12-05T23:16:15.500000] 3: eth0: <BROADCAST,MULTICAST,SLAVE,UP,LOWER_UP> mtu 1500 qdisc fq_codel master bond0 state UP
                link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff promiscuity 0
            [2026-12-05T23:16:16.010000] 7: bond0: <BROADCAST,MULTICAST,MASTER,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP
                bond mode active-backup active_slave eth0 miimon 100 updelay 500 downdelay 0
            """;

    private static long at(String stamp) {
        return KernelClock.micros(stamp);
    }

    private static String frames(String... stamps) {
        StringBuilder s = new StringBuilder("listening on wlan0, link-type EN10MB (Ethernet)\n");
        for (String t : stamps) {
            long us = at(t);
            s.append(us / 1_000_000).append('.').append(String.format("%06d", us % 1_000_000))
                    .append(" IP 192.168.50.10 > 192.168.50.1: ICMP echo request, id 7, seq 1, length 64\n");
        }
        return s.toString();
    }

    @Test
    void aCutIsTimedFromTheCarrierEventToTheBondsEventAndTheFirstFrame() {
        String wifi = frames("2026-12-05T23:16:11.000000", "2026-12-05T23:16:12.006100");
        Optional<KernelClock.Failover> f = KernelClock.failover(LINKS, wifi, "bond0", at("2026-12-05T23:16:11.900000"),
                "eth0", false, "wlan0");
        assertEquals(Optional.of(new KernelClock.Failover(4200, 6000)), f);
    }

    @Test
    void aRestoreWaitsForTheCarrierToComeBack() {
        String cable = frames("2026-12-05T23:16:16.013000");
        Optional<KernelClock.Failover> f = KernelClock.failover(LINKS, cable, "bond0", at("2026-12-05T23:16:13.000000"),
                "eth0", true, "eth0");
        assertEquals(Optional.of(new KernelClock.Failover(510_000, 513_000)), f);
    }

    @Test
    void whatTheRecordsDoNotShowIsMissingNotZero() {
        assertTrue(KernelClock.failover(LINKS, "", "bond0", at("2026-12-05T23:16:17.000000"), "eth0", false, "wlan0")
                .isEmpty(), "no carrier event after the mark");
        assertEquals(Optional.of(new KernelClock.Failover(4200, -1)), KernelClock.failover(LINKS, "", "bond0",
                at("2026-12-05T23:16:11.900000"), "eth0", false, "wlan0"));
    }
}
