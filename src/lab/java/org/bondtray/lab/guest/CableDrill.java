package org.bondtray.lab.guest;

import java.time.Duration;

/**
 * The foundation drill, with plain kernel tools: Wi-Fi associated with {@code ap} through
 * wpa_supplicant's D-Bus API, bond0 over eth0 (primary) and wlan0, a DHCP lease on the bond, then
 * the cable cut and restored under the traffic probe. Which network {@code ap} belongs to decides
 * whether the user keeps their connections, and the figures must show the difference.
 */
final class CableDrill implements Scenario {
    private static final Duration HOLD_CUT = Duration.ofSeconds(3);
    private static final Duration HOLD_RESTORE = Duration.ofSeconds(2);
    private static final int TCP_CONNECTIONS = 20;
    /** A busy Wi-Fi's queue: what the router sends the laptop spends this long on the air. */
    static final Duration SLOW_AIR = Duration.ofMillis(200);

    private final AccessPoint ap;

    CableDrill(AccessPoint ap) {
        this.ap = ap;
    }

    @Override
    public void run(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        r.put("ap", ap.ssid()).put("wifi.port", wlan);
        r.put("wifi.associate_ms", lab.wifi().connect(wlan, ap));

        PlainBond bond = lab.bond();
        bond.create(Topology.WIRED, Topology.WIRED, wlan);
        boolean oneNetwork = Topology.LAN_BRIDGE.equals(ap.bridge());
        if (oneNetwork) {
            // On one network the recipe lets the standby port deliver: what peers sent to the
            // Wi-Fi's MAC just before the cable came back arrives there after the switch.
            bond.standbyDelivers(true);
        }
        r.put("wifi.reassociate_ms", lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(90)));
        r.put("bond.details", lab.cmd().run("ip", "-d", "-j", "link", "show", PlainBond.NAME).strip());
        r.put("dhcp.lease_ms", lab.dhcp().start(PlainBond.NAME));
        r.put("dhcp.lease6_ms", lab.dhcp().awaitIpv6());
        r.put("active.before", bond.activePort());
        r.put("address.before", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
        r.put("address6.before", String.join(" ", lab.net().addresses(PlainBond.NAME, 6)));

        TrafficProbe probe = lab.probe(TCP_CONNECTIONS);
        Wait.sleep(Duration.ofSeconds(2));

        probe.mark("cut");
        lab.net().cutCable();
        r.put("cut.switch_ms", awaitActive(bond, wlan));
        probe.mark("on-wifi");
        Wait.sleep(HOLD_CUT);
        r.put("active.after_cut", bond.activePort());
        // Whom the router sends the laptop's traffic to now: the bond's MAC, once peers heard of it.
        r.put("cut.bond_mac", lab.cmd().tryRun("cat", "/sys/class/net/" + PlainBond.NAME + "/address").out().strip());
        r.put("cut.router_neigh", lab.cmd().tryRun(Cmd.inNetns(Topology.LAN_NS, "ip", "neigh", "show", "dev",
                Topology.LAN_BRIDGE)).out().strip().replace('\n', ';'));

        probe.mark("restore");
        lab.net().restoreCable();
        r.put("restore.switch_ms", awaitActive(bond, Topology.WIRED));
        Wait.sleep(HOLD_RESTORE);
        r.put("active.after_restore", bond.activePort());

        TrafficProbe.Report report = probe.stop();
        r.put(report.window("baseline", TrafficProbe.START, "cut"));
        // The whole cut, from pulling the cable to plugging it back in ...
        r.put(report.window("cut", "cut", "restore"));
        // ... and the part of it after the bond had moved to Wi-Fi, when only Wi-Fi can carry.
        r.put(report.window("on_wifi", "on-wifi", "restore"));
        r.put(report.window("restore", "restore", TrafficProbe.END));
        // Where in the restore a lost request was sent, next to restore.switch_ms: for the record.
        r.put("restore.lost_at_ms", report.lostAt("restore", TrafficProbe.END).toString());
        r.putTcp(report);
        r.put("address.after", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
        r.put("address6.after", String.join(" ", lab.net().addresses(PlainBond.NAME, 6)));
        if (oneNetwork) {
            slowAirRestores(lab, r, bond, wlan);
        }
    }

    /**
     * Restores on a Wi-Fi that queues: the replies the router sent to the Wi-Fi port's MAC just
     * before the cable came back arrive after the switch, at a port that is standby by then. The
     * kernel's default drops them there; a standby port that delivers hands them to the bond.
     * One restore each way, so the figures show what delivering is worth.
     */
    private void slowAirRestores(Lab lab, Results r, PlainBond bond, String wlan) throws Exception {
        r.put("slow_air.delay_ms", SLOW_AIR.toMillis());
        lab.net().slowAir(ap, SLOW_AIR);
        try {
            for (boolean delivers : new boolean[] {false, true}) {
                String name = delivers ? "slow_air.delivering" : "slow_air.dropping";
                bond.standbyDelivers(delivers);
                TrafficProbe probe = lab.probe(TCP_CONNECTIONS);
                Wait.sleep(Duration.ofSeconds(1));
                lab.net().cutCable();
                awaitActive(bond, wlan);
                Wait.sleep(HOLD_CUT);
                probe.mark("restore");
                lab.net().restoreCable();
                awaitActive(bond, Topology.WIRED);
                Wait.sleep(HOLD_RESTORE);
                TrafficProbe.Report report = probe.stop();
                r.put(report.window(name, "restore", TrafficProbe.END));
                r.put(name + ".lost_at_ms", report.lostAt("restore", TrafficProbe.END).toString());
                r.put(name + ".tcp_survived", report.tcp().survived());
            }
        } finally {
            lab.net().slowAir(ap, Duration.ZERO);
            bond.standbyDelivers(true);
        }
    }

    /** Milliseconds until the bond's active port is {@code port}, polled at 5 ms. */
    private static long awaitActive(PlainBond bond, String port) {
        return Wait.until("bond0 to make " + port + " active", Duration.ofSeconds(30), Duration.ofMillis(5),
                () -> port.equals(bond.activePort()));
    }
}
