package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.BondReadings.active;
import static org.bondtray.lab.guest.BondReadings.dhcpField;
import static org.bondtray.lab.guest.BondReadings.log;
import static org.bondtray.lab.guest.BondReadings.network;
import static org.bondtray.lab.guest.BondReadings.portField;
import static org.bondtray.lab.guest.BondReadings.ports;
import static org.bondtray.lab.guest.BondReadings.readFile;
import static org.bondtray.lab.guest.BondReadings.ssid;
import static org.bondtray.lab.guest.BondReadings.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import org.bondtray.api.Bond;
import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The helper scenario's steps for the real world around the bond: which network each port
 * reaches, routes and the fallback address, adapters plugged in and out, a flapping cable. They
 * run on the bond the scenario set up, with the same helper.
 */
final class RealWorldSteps {
    /** The radio that starts on the shelf, plugged in as the second dongle. */
    private static final int SPARE_RADIO = 4;
    private static final String TWO_WIFI_ADDRESS = "192.168.50.240";

    private final Lab lab;
    private final Results r;
    private final HelperProcess helper;
    private final Properties bond;

    RealWorldSteps(Lab lab, Results r, HelperProcess helper, Properties bond) {
        this.lab = lab;
        this.r = r;
        this.helper = helper;
        this.bond = bond;
    }

    /**
     * The same-network check: the bridged access point is the wire's network; the cafe's is not,
     * and the API says so while the cable still carries everything; back on the bridged one it
     * is the same network again.
     */
    void sameNetwork(String wlan) throws Exception {
        r.put("network.same_ms", Wait.until("the Network property to say same-network", Duration.ofSeconds(60),
                () -> "same-network".equals(network(bond))));
        r.put("network.bridged", network(bond));
        lab.wifi().connect(wlan, AccessPoint.CAFE);
        r.put("network.cafe_ssid_ms", Wait.until("the helper to see " + wlan + " on the cafe network",
                Duration.ofSeconds(60), () -> AccessPoint.CAFE.ssid().equals(ssid(bond, wlan))));
        r.put("network.different_ms", Wait.until("the Network property to say different-network",
                Duration.ofSeconds(60), () -> "different-network".equals(network(bond))));
        r.put("network.cafe", network(bond)).put("network.cafe_active", active(bond));
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        r.put("network.back_ms", Wait.until("the Network property to say same-network again", Duration.ofSeconds(60),
                () -> "same-network".equals(network(bond))));
        r.put("network.back", network(bond));
        String log = HelperProcess.log(lab.cmd());
        r.put("network.heard", log.lines().filter(l -> l.contains("as heard through each port"))
                .reduce((a, b) -> a + " | " + b).orElse(""));
        Wait.until(wlan + " to be a working backup again", Duration.ofSeconds(60),
                () -> "backup".equals(portField(bond, wlan, BondProperties.PORT_ROLE)));
    }

    /**
     * Routes and their metric from the configuration, on static and DHCP routes alike; then the
     * DHCP server falls silent and the bond takes the fallback address, and leaves it again for a
     * lease once the server answers and the fallback is removed.
     */
    void routesAndFallback() {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--addressing", "dhcp", "--metric", "300",
                "--route", "10.99.0.0/16 via " + Topology.ROUTER);
        r.put("routes.exit", setup.exit()).put("routes.output", (setup.out() + setup.err()).strip());
        r.put("routes.route_ms", Wait.until("the configured route with metric 300", Duration.ofSeconds(30),
                () -> lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").contains("metric 300")));
        r.put("routes.dhcp_default_ms", Wait.until("dhcpcd's default route with metric 300", Duration.ofSeconds(60),
                () -> lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME, "proto", "dhcp")
                        .contains("metric 300")));
        // dhcpcd's rebind for the new metric takes the lease down and up again, and with it the
        // routes through its gateway; the helper puts the configured one back.
        r.put("routes.route_back_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").contains("metric 300")));
        r.put("routes.route", lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").strip());
        r.put("routes.default", lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME).strip()
                .replace('\n', ';'));
        r.put("routes.config", readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf").lines()
                .filter(l -> l.startsWith("routes") || l.startsWith("route_metric")).reduce((a, b) -> a + "; " + b)
                .orElse(""));

        String fallback = "192.168.50.249/24";
        lab.net().dhcpServerAnswers(false);
        try {
            long t0 = System.nanoTime();
            Cmd.Result fb = helper.cli(Topology.USER, "setup", "--fallback", fallback, "--gateway", Topology.ROUTER);
            r.put("fallback.exit", fb.exit()).put("fallback.output", (fb.out() + fb.err()).strip());
            Wait.until("the fallback address with the DHCP server silent", Duration.ofSeconds(90),
                    () -> lab.net().addresses(PlainBond.NAME, 4).contains(fallback));
            r.put("fallback.address_ms", (System.nanoTime() - t0) / 1_000_000);
            Wait.until("the DHCP property to say fallback", Duration.ofSeconds(30),
                    () -> "fallback".equals(dhcpField(bond, BondProperties.DHCP_STATE)));
            r.put("fallback.state", dhcpField(bond, BondProperties.DHCP_STATE));
            r.put("fallback.addresses", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
            r.put("fallback.ping", lab.cmd().tryRun("ping", "-c", "3", "-i", "0.2", "-W", "2", "-I", "192.168.50.249",
                    Topology.ROUTER).exit() == 0);
        } finally {
            lab.net().dhcpServerAnswers(true);
        }
        long t1 = System.nanoTime();
        Cmd.Result off = helper.cli(Topology.USER, "setup", "--fallback", "");
        r.put("fallback.off_exit", off.exit());
        Wait.until("a DHCP lease again", Duration.ofSeconds(90),
                () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE))
                        && !String.valueOf(dhcpField(bond, BondProperties.DHCP_ADDRESS)).isEmpty()
                        && !lab.net().addresses(PlainBond.NAME, 4).contains(fallback));
        r.put("fallback.lease_again_ms", (System.nanoTime() - t1) / 1_000_000);
        r.put("fallback.addresses_after", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
    }

    /**
     * Safe changes: a configuration that costs the machine its gateway (a static address on a
     * network that is not there) is rolled back by the helper itself when its probation ends; a
     * good one confirmed is kept; confirming with nothing on probation is refused.
     */
    void rollback() throws Exception {
        List<String> rolled = Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable sub = rollbacksInto(rolled)) {
            long t0 = System.nanoTime();
            Cmd.Result bad = helper.cli(Topology.USER, "setup", "--addressing", "static", "--address", "10.66.0.5/24",
                    "--gateway", "10.66.0.1", "--confirm-timeout", "10");
            // The call returns once the change is applied: its probation runs from here. Before, the
            // command line's start and the password dialog (10-18 s under the lab's emulation).
            long applied = System.nanoTime();
            r.put("rollback.call_ms", (applied - t0) / 1_000_000);
            r.put("rollback.setup_exit", bad.exit()).put("rollback.setup_output", (bad.out() + bad.err()).strip());
            r.put("rollback.deadline_set", confirmDeadline() > 0);
            r.put("rollback.bad_applied", lab.net().addresses(PlainBond.NAME, 4).contains("10.66.0.5/24"));
            Wait.until("the RolledBack signal", Duration.ofSeconds(60), () -> !rolled.isEmpty());
            r.put("rollback.signal_ms", (System.nanoTime() - applied) / 1_000_000);
            r.put("rollback.reason", rolled.get(0));
            Wait.until("a DHCP lease and no trace of the bad change", Duration.ofSeconds(90),
                    () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE))
                            && !dhcpField(bond, BondProperties.DHCP_ADDRESS).isEmpty()
                            && !lab.net().addresses(PlainBond.NAME, 4).contains("10.66.0.5/24")
                            && lab.net().addresses(PlainBond.NAME, 4).stream().anyMatch(a -> a.startsWith("192.168.50.")));
            r.put("rollback.restored_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("rollback.addresses_after", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
            r.put("rollback.default_after", lab.cmd().run("ip", "-4", "route", "show", "default").strip()
                    .replace('\n', ';'));
            r.put("rollback.config_after", readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf").lines()
                    .filter(l -> l.startsWith("addressing")).findFirst().orElse(""));
            r.put("rollback.deadline_after", confirmDeadline());
            r.put("rollback.ping_after", lab.cmd().tryRun("ping", "-c", "3", "-i", "0.2", "-W", "2", Topology.ROUTER)
                    .exit() == 0);
        }
        Cmd.Result good = helper.cli(Topology.USER, "setup", "--confirm-timeout", "600");
        r.put("confirm.setup_exit", good.exit()).put("confirm.deadline_set", confirmDeadline() > 0);
        Cmd.Result confirm = helper.cli(Topology.USER, "confirm");
        r.put("confirm.exit", confirm.exit()).put("confirm.deadline_after", confirmDeadline());
        Cmd.Result again = helper.cli(Topology.USER, "confirm");
        r.put("confirm.again_exit", again.exit()).put("confirm.again_message", again.err().strip());
    }

    /**
     * A good change whose verdict lands in a switchover: the cable is pulled a second before the
     * deadline, and with a DownDelay of 2 s the bond keeps sending through the dead cable past
     * the deadline before it moves to the Wi-Fi and takes the Wi-Fi's MAC. The first questions to
     * the gateway go nowhere; the change must be kept all the same. (A second of lead, since
     * forking the cut takes up to half of one under emulation.) Then the cable comes back and the
     * defaults are set again, with no probation.
     */
    void verdictDuringSwitchover(SwitchoverLog signals, String wlan) throws Exception {
        List<String> rolled = Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable sub = rollbacksInto(rolled)) {
            Cmd.Result setup = helper.cli(Topology.USER, "setup", "--downdelay", "2000", "--confirm-timeout", "15");
            r.put("verdict.setup_exit", setup.exit()).put("verdict.setup_output", (setup.out() + setup.err()).strip());
            Wait.until("the cable to carry the bond", Duration.ofSeconds(60), () -> Topology.WIRED.equals(active(bond)));
            long deadlineMs = confirmDeadline() / 1000;
            r.put("verdict.deadline_in_ms", deadlineMs - System.currentTimeMillis());
            int logFrom = HelperProcess.log(lab.cmd()).length();
            int since = signals.size();
            Wait.sleep(Duration.ofMillis(Math.max(0, deadlineMs - 1000 - System.currentTimeMillis())));
            lab.net().cutCable();
            r.put("verdict.cut_before_deadline_ms", deadlineMs - System.currentTimeMillis());
            signals.await(wlan, since, Duration.ofSeconds(30));
            r.put("verdict.on_wifi_after_deadline_ms", System.currentTimeMillis() - deadlineMs);
            Wait.until("the helper's verdict", Duration.ofSeconds(60), () -> {
                String l = HelperProcess.log(lab.cmd()).substring(logFrom);
                return l.contains("after the change: it is kept") || l.contains("rolling back:");
            });
            r.put("verdict.decided_after_deadline_ms", System.currentTimeMillis() - deadlineMs);
            String said = HelperProcess.log(lab.cmd()).substring(logFrom);
            r.put("verdict.kept", said.contains("after the change: it is kept"));
            // A rollback would say so at once; give its signal time to arrive before counting.
            Wait.sleep(Duration.ofSeconds(2));
            r.put("verdict.rolled_back", String.join(" | ", rolled));
            r.put("verdict.deadline_after", confirmDeadline());
            r.put("verdict.config_downdelay", readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf").lines()
                    .filter(l -> l.startsWith("downdelay")).findFirst().orElse(""));
            r.put("verdict.ports_after", String.join(" ", new TreeSet<>(ports(lab))));
            int back = signals.size();
            lab.net().restoreCable();
            signals.await(Topology.WIRED, back, Duration.ofSeconds(30));
        }
        Cmd.Result defaults = helper.cli(Topology.USER, "setup", "--confirm-timeout", "0");
        r.put("verdict.defaults_exit", defaults.exit());
    }

    /** Collects the reason of every RolledBack the bond sends until the result is closed. */
    private AutoCloseable rollbacksInto(List<String> reasons) throws DBusException {
        String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
        return lab.systemBus().addSigHandler(Bond.RolledBack.class, s -> {
            if (path.equals(s.getPath())) {
                reasons.add(s.getReason());
            }
        });
    }

    private long confirmDeadline() {
        Object v = bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.CONFIRM_DEADLINE);
        return v instanceof Number n ? n.longValue() : ((org.freedesktop.dbus.types.UInt64) v).longValue();
    }

    /**
     * Adapters come and go under traffic: a second wired one is plugged in and joins; the Wi-Fi
     * adapter is unplugged and plugged in again, and joins once it has associated; the second
     * wired one leaves. The cable carries everything throughout.
     */
    void hotplug(SwitchoverLog signals, String wlan) throws Exception {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--port", "eth*", "--port", "wlan*");
        r.put("hotplug.setup_exit", setup.exit()).put("hotplug.setup_output", (setup.out() + setup.err()).strip());
        // The networks an adapter handed to wpa_supplicant gets, as the tray saves them.
        AccessPoint ap = AccessPoint.LAN_WPA2;
        java.nio.file.Files.writeString(java.nio.file.Path.of(HelperProcess.CONFIG_DIR, "wpa_supplicant.conf"),
                ap.savedConfig());
        int signalsBefore = signals.size();
        int helperLogFrom = HelperProcess.log(lab.cmd()).length();
        TrafficProbe probe = lab.probe(20);
        Wait.sleep(Duration.ofSeconds(1));
        probe.mark("plug");
        lab.net().plugWired("eth1");
        r.put("hotplug.wired_joined_ms", Wait.until("eth1 to join the bond", Duration.ofSeconds(30),
                Duration.ofMillis(20), () -> ports(lab).contains("eth1")));
        r.put("hotplug.wired_backup_ms", Wait.until("eth1 to be a working backup", Duration.ofSeconds(30),
                () -> "backup".equals(portField(bond, "eth1", BondProperties.PORT_ROLE))));
        lab.net().unplugRadio(0);
        r.put("hotplug.wifi_dropped_ms", Wait.until(wlan + " to leave the bond", Duration.ofSeconds(30),
                Duration.ofMillis(20), () -> !ports(lab).contains(wlan)));
        Wait.until(wlan + " to leave the API's ports", Duration.ofSeconds(30),
                () -> portField(bond, wlan, BondProperties.PORT_ROLE).isEmpty());
        r.put("hotplug.unplugged_state", state(bond)).put("hotplug.unplugged_ports", String.join(" ",
                new TreeSet<>(ports(lab))));
        String back = lab.net().plugRadio(0);
        long plugged = System.nanoTime();
        r.put("hotplug.wifi_name", back);
        Wait.until(back + " to join the bond again", Duration.ofSeconds(120), Duration.ofMillis(20),
                () -> ports(lab).contains(back));
        r.put("hotplug.wifi_joined_ms", (System.nanoTime() - plugged) / 1_000_000);
        Wait.until(back + " to be a working backup again", Duration.ofSeconds(120),
                () -> "backup".equals(portField(bond, back, BondProperties.PORT_ROLE)));
        r.put("hotplug.wifi_backup_ms", (System.nanoTime() - plugged) / 1_000_000);
        probe.mark("unplug");
        lab.net().unplugWired("eth1");
        r.put("hotplug.wired_dropped_ms", Wait.until("eth1 to leave the bond", Duration.ofSeconds(30),
                Duration.ofMillis(20), () -> !ports(lab).contains("eth1")));
        Wait.until("the API to show eth1 gone", Duration.ofSeconds(30),
                () -> portField(bond, "eth1", BondProperties.PORT_ROLE).isEmpty());
        Wait.sleep(Duration.ofSeconds(1));
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        TrafficProbe.Window all = report.window("hotplug", "plug", "done");
        r.put("hotplug.sent", all.sent()).put("hotplug.lost", all.lost()).put("hotplug.longest_gap_ms", all.longestGapMs());
        r.put("hotplug.tcp_connections", report.tcp().connections()).put("hotplug.tcp_survived", report.tcp().survived());
        r.put("hotplug.switchovers", signals.size() - signalsBefore);
        r.put("hotplug.active_after", active(bond)).put("hotplug.state_after", state(bond));
        r.put("hotplug.ports_after", String.join(" ", new TreeSet<>(ports(lab))));
        String helperLog = HelperProcess.log(lab.cmd()).substring(helperLogFrom);
        r.put("hotplug.handed_over", helperLog.contains("handed " + back + " to wpa_supplicant"));
        r.put("hotplug.joined_log", helperLog.lines().filter(l -> l.contains(" joined ")).reduce((a, b) -> a + "; " + b)
                .orElse(""));
    }

    /**
     * A cable toggled 50 times in 10 seconds: the bond stays usable, the helper reports the
     * burst as a few changes rather than a storm, and keeps neither memory nor threads from it.
     */
    /**
     * Cable cut and restored on a Wi-Fi that queues (the foundation scenario's slow air): the
     * replies still on the air to the Wi-Fi port when the cable takes over must reach the bond,
     * so the helper lets the standby port deliver around the switch.
     */
    void slowAir(SwitchoverLog signals, String wlan) throws Exception {
        r.put("slow_air.delay_ms", CableDrill.SLOW_AIR.toMillis());
        lab.net().slowAir(AccessPoint.LAN_WPA2, CableDrill.SLOW_AIR);
        try {
            TrafficProbe probe = lab.probe(20);
            Wait.sleep(Duration.ofSeconds(1));
            int before = signals.size();
            lab.net().cutCable();
            signals.await(wlan, before, Duration.ofSeconds(15));
            Wait.sleep(Duration.ofSeconds(3));
            int mid = signals.size();
            probe.mark("restore");
            lab.net().restoreCable();
            signals.await(Topology.WIRED, mid, Duration.ofSeconds(15));
            Wait.sleep(Duration.ofSeconds(2));
            TrafficProbe.Report report = probe.stop();
            r.put(report.window("slow_air.restore", "restore", TrafficProbe.END));
            r.put("slow_air.restore.lost_at_ms", report.lostAt("restore", TrafficProbe.END).toString());
            r.put("slow_air.tcp_connections", report.tcp().connections())
                    .put("slow_air.tcp_survived", report.tcp().survived());
        } finally {
            lab.net().slowAir(AccessPoint.LAN_WPA2, Duration.ZERO);
        }
        // The window shuts by itself once the switch is past.
        r.put("slow_air.standby_shut_after_ms", Wait.until("the standby port to stop delivering",
                Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> readFile("/sys/class/net/" + PlainBond.NAME + "/bonding/all_slaves_active").strip().equals("0")));
    }

    void flapping(SwitchoverLog signals)
            throws Exception {
        String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        try (AutoCloseable sub = lab.systemBus().addSigHandler(Properties.PropertiesChanged.class, s -> {
            if (path.equals(s.getPath())) {
                changes.incrementAndGet();
            }
        })) {
            Wait.sleep(Duration.ofSeconds(2));
            long rssBefore = helper.rssKb();
            long threadsBefore = helper.threads();
            int signalsBefore = signals.size();
            int changesBefore = changes.get();
            TrafficProbe probe = lab.probe(20);
            Wait.sleep(Duration.ofSeconds(1));
            probe.mark("flap");
            long t0 = System.nanoTime();
            int toggles = 0;
            try (Topology.FastCable cable = lab.net().new FastCable()) {
                for (int i = 0; i < 25; i++) {
                    cable.set(false);
                    toggles++;
                    sleepUntil(t0, i * 400 + 200);
                    cable.set(true);
                    toggles++;
                    sleepUntil(t0, (i + 1) * 400);
                }
            }
            r.put("flap.toggles", toggles).put("flap.burst_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("flap.properties_changed", changes.get() - changesBefore);
            probe.mark("settled");
            r.put("flap.settle_ms", Wait.until("the cable to carry the traffic after the burst", Duration.ofSeconds(30),
                    () -> Topology.WIRED.equals(active(bond)) && "up".equals(state(bond))));
            Wait.sleep(Duration.ofSeconds(3));
            probe.mark("after");
            Wait.sleep(Duration.ofSeconds(2));
            probe.mark("done");
            TrafficProbe.Report report = probe.stop();
            r.put("flap.switchovers", signals.size() - signalsBefore);
            // Which ones, so that a count over the goal says what moved and why.
            r.put("flap.switchover_list", signals.since(signalsBefore).stream()
                    .map(e -> e.from() + ">" + e.to() + " " + e.reason()).reduce((a, b) -> a + ", " + b).orElse(""));
            TrafficProbe.Window burst = report.window("flap", "flap", "settled");
            r.put("flap.burst_sent", burst.sent()).put("flap.burst_lost", burst.lost())
                    .put("flap.burst_longest_gap_ms", burst.longestGapMs());
            TrafficProbe.Window after = report.window("after", "after", "done");
            r.put("flap.after_sent", after.sent()).put("flap.after_lost", after.lost());
            r.put("flap.tcp_connections", report.tcp().connections()).put("flap.tcp_survived", report.tcp().survived());
            Wait.sleep(Duration.ofSeconds(2));
            r.put("flap.rss_before_kb", rssBefore).put("flap.rss_after_kb", helper.rssKb());
            r.put("flap.threads_before", threadsBefore).put("flap.threads_after", helper.threads());
            r.put("flap.state_after", state(bond)).put("flap.active_after", active(bond));
        }
    }

    private static void sleepUntil(long t0, long ms) {
        long left = ms - (System.nanoTime() - t0) / 1_000_000;
        if (left > 0) {
            Wait.sleep(Duration.ofMillis(left));
        }
    }

    /**
     * Two Wi-Fi adapters and no wire (a Raspberry Pi with two dongles), with a static address:
     * each on its own access point of the LAN; the active one's access point goes away and the
     * traffic carries on through the other.
     */
    void twoWifi(String wlan) throws Exception {
        String second = lab.net().plugRadio(SPARE_RADIO);
        r.put("two_wifi.second", second);
        // Refused before anything is touched: an adapter that knows no network cannot work.
        lab.wifi().manage(second);
        Cmd.Result refused = helper.cli(Topology.USER, "setup", "--port", wlan, "--port", second);
        r.put("refused.no_network_exit", refused.exit()).put("refused.no_network_message", refused.err().strip());
        r.put("refused.bond_exists", lab.cmd().tryRun("ip", "link", "show", PlainBond.NAME).exit() == 0);
        lab.wifi().connect(second, AccessPoint.LAN_WPA3);
        lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60));
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--port", wlan, "--port", second, "--addressing", "static",
                "--address", TWO_WIFI_ADDRESS + "/24", "--gateway", Topology.ROUTER);
        r.put("two_wifi.setup_exit", setup.exit()).put("two_wifi.setup_output", (setup.out() + setup.err()).strip());
        r.put("two_wifi.up_ms", Wait.until("both Wi-Fi adapters carrying or ready to", Duration.ofSeconds(90),
                () -> "up".equals(state(bond))));
        String first = active(bond);
        String other = first.equals(wlan) ? second : wlan;
        AccessPoint away = first.equals(wlan) ? AccessPoint.LAN_WPA2 : AccessPoint.LAN_WPA3;
        r.put("two_wifi.active_before", first).put("two_wifi.ap_taken_away", away.ssid());
        TrafficProbe probe = lab.probe(20);
        Wait.sleep(Duration.ofSeconds(2));
        probe.mark("away");
        lab.net().stopAp(away);
        r.put("two_wifi.switch_ms", Wait.until("traffic on " + other, Duration.ofSeconds(30), Duration.ofMillis(10),
                () -> other.equals(active(bond))));
        Wait.sleep(Duration.ofSeconds(2));
        // What each layer believes after the switch, for when the traffic does not follow.
        r.put("two_wifi.diag.links", lab.cmd().tryRun("ip", "-br", "link").out());
        r.put("two_wifi.diag.bonding", readFile("/proc/net/bonding/" + PlainBond.NAME));
        r.put("two_wifi.diag.neigh", lab.cmd().tryRun("ip", "neigh", "show", "dev", PlainBond.NAME).out());
        r.put("two_wifi.diag.stats", lab.cmd().tryRun("ip", "-s", "link", "show", other).out());
        r.put("two_wifi.diag.lan_neigh", lab.cmd().tryRun(Cmd.inNetns(Topology.LAN_NS, "ip", "neigh")).out());
        r.put("two_wifi.diag.lan_fdb", lab.cmd().tryRun(Cmd.inNetns(Topology.LAN_NS, "bridge", "fdb", "show", "br",
                Topology.LAN_BRIDGE)).out());
        Wait.sleep(Duration.ofSeconds(1));
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        TrafficProbe.Window w = report.window("two_wifi", "away", "done");
        r.put("two_wifi.sent", w.sent()).put("two_wifi.lost", w.lost()).put("two_wifi.longest_gap_ms", w.longestGapMs());
        r.put("two_wifi.tcp_connections", report.tcp().connections())
                .put("two_wifi.tcp_survived", report.tcp().survived());
        r.put("two_wifi.active_after", active(bond)).put("two_wifi.state_after", state(bond));
        r.put("two_wifi.address_after", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
        lab.net().startAp(away);
        r.put("two_wifi.back_ms", Wait.until(first + " to be a working backup again", Duration.ofSeconds(90),
                () -> "backup".equals(portField(bond, first, BondProperties.PORT_ROLE))));
        Cmd.Result off = helper.cli(Topology.USER, "disable");
        r.put("two_wifi.disable_exit", off.exit());
        lab.wifi().release(second);
        lab.net().unplugRadio(SPARE_RADIO);
    }
}
