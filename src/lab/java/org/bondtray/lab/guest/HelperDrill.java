package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The helper end to end, driven only through D-Bus as the desktop users would drive it: setup
 * from two plain interfaces, ten cable cuts with their Switchover signals, switching and who may
 * switch, a crash of the helper under traffic, bad input, and disable.
 */
final class HelperDrill implements Scenario {
    static final int CUTS = 10;
    private static final Pattern ERROR_NAME = Pattern.compile("GDBus\\.Error:([A-Za-z0-9_.]+)");

    @Override
    public void run(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        HelperProcess helper = new HelperProcess(lab.cmd(), lab.control());
        try (SwitchoverLog signals = new SwitchoverLog(lab.systemBus())) {
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
            r.put("helper.start_to_name_ms", helper.start());
            Properties bond = props(lab);
            r.put("helper.state_at_start", state(bond));

            setup(lab, r, helper, bond, wlan);
            sameNetwork(lab, r, bond, wlan);
            Process watch = helper.startCli("bondtray-watch", Topology.USER, "watch", "--json");
            Wait.until("bondtray watch to start", Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> log(lab, "bondtray-watch").contains("\"watching\""));
            cuts(lab, r, signals, wlan);
            Wait.sleep(Duration.ofSeconds(1));
            Cmd.stop(watch, Duration.ofSeconds(2));
            List<String> lines = log(lab, "bondtray-watch").lines().filter(l -> l.contains("\"switchover\"")).toList();
            r.put("watch.switchover_lines", lines.size());
            r.put("watch.first_line", lines.isEmpty() ? "" : lines.get(0));
            switching(lab, r, helper, wlan);
            wifiReadiness(lab, r, helper, signals, wlan);
            crash(lab, r, helper, bond);
            badInput(lab, r, helper, bond);
            dhcpcdDies(lab, r, bond);
            r.put("helper.rss_kb", helper.rssKb());
            rfkill(lab, r, helper, bond, wlan);
            staticAddressing(lab, r, helper, bond);
            routesAndFallback(lab, r, helper, bond);
            hotplug(lab, r, helper, bond, signals, wlan);
            flapping(lab, r, helper, bond, signals);
            disable(lab, r, helper, lab.net().wifiInterface(0));
        } finally {
            helper.stop();
        }
    }

    private static String state(Properties bond) {
        return bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.STATE);
    }

    private static String active(Properties bond) {
        return bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.ACTIVE_PORT);
    }

    private void setup(Lab lab, Results r, HelperProcess helper, Properties bond, String wlan) {
        Cmd.Result setup = helper.cli(Topology.USER, "setup");
        r.put("setup.exit", setup.exit()).put("setup.output", (setup.out() + setup.err()).strip());
        r.put("setup.state_up_ms", Wait.until("the bond to be up", Duration.ofSeconds(90), Duration.ofMillis(50),
                () -> "up".equals(state(bond))));
        String details = lab.cmd().run("ip", "-d", "-j", "link", "show", PlainBond.NAME);
        r.put("bond.mode", field(details, "mode"));
        r.put("bond.fail_over_mac", field(details, "fail_over_mac"));
        r.put("bond.primary", field(details, "primary"));
        r.put("bond.ports", String.join(" ", new TreeSet<>(ports(lab))));
        helperDhcp(lab, r, bond);
        // The helper reads the Wi-Fi port's network from wpa_supplicant.
        Wait.until("the helper to show wlan0's SSID", Duration.ofSeconds(30), () -> !ssid(bond, wlan).isEmpty());
        r.put("ports.wlan0.ssid", ssid(bond, wlan));
        r.put("status.output", helper.cli(Topology.USER, "status").out().strip());
    }

    /**
     * The same-network check: the bridged access point is the wire's network; the cafe's is not,
     * and the API says so while the cable still carries everything; back on the bridged one it
     * is the same network again.
     */
    private void sameNetwork(Lab lab, Results r, Properties bond, String wlan) throws Exception {
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
        String log = log(lab, "bondtray-helper");
        r.put("network.heard", log.lines().filter(l -> l.contains("as heard through each port"))
                .reduce((a, b) -> a + " | " + b).orElse(""));
        Wait.until(wlan + " to be a working backup again", Duration.ofSeconds(60),
                () -> "backup".equals(portField(bond, wlan, BondProperties.PORT_ROLE)));
    }

    private static String network(Properties bond) {
        return bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.NETWORK);
    }

    private static String ssid(Properties bond, String port) {
        return portField(bond, port, BondProperties.PORT_SSID);
    }

    private static Object unwrap(Object o) {
        return o instanceof org.freedesktop.dbus.types.Variant<?> v ? v.getValue() : o;
    }

    private static List<String> ports(Lab lab) {
        List<String> names = new ArrayList<>();
        for (String line : lab.cmd().run("ip", "-o", "link", "show", "master", PlainBond.NAME).split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1) {
                names.add(f[1].replaceAll("@.*", ""));
            }
        }
        return names;
    }

    /** A value from {@code ip -d -j} output without a JSON library: "key":"value" or "key":number. */
    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private void cuts(Lab lab, Results r, SwitchoverLog signals, String wlan) throws Exception {
        List<String> v4Before = lab.net().addresses(PlainBond.NAME, 4);
        List<String> v6Before = lab.net().addresses(PlainBond.NAME, 6);
        int dnsmasqFrom = dnsmasqLog(lab).length();
        TrafficProbe probe = lab.probe(20);
        Wait.sleep(Duration.ofSeconds(1));
        List<Double> latencies = new ArrayList<>();
        List<Long> cutToSignal = new ArrayList<>();
        TreeSet<String> reasons = new TreeSet<>();
        for (int i = 0; i < CUTS; i++) {
            int before = signals.size();
            probe.mark("cut" + i);
            long t0 = System.nanoTime();
            lab.net().cutCable();
            Wait.until("a Switchover to " + wlan, Duration.ofSeconds(15), Duration.ofMillis(5),
                    () -> signals.since(before).stream().anyMatch(e -> e.to().equals(wlan)));
            SwitchoverLog.Entry cut = signals.since(before).stream().filter(e -> e.to().equals(wlan)).findFirst().get();
            latencies.add(cut.latencyMs());
            cutToSignal.add((cut.receivedNanos() - t0) / 1_000_000);
            r.put("cut." + i + ".reason", cut.reason()).put("cut." + i + ".outage_ms", cut.outageMs());
            reasons.add(cut.reason());
            Wait.sleep(Duration.ofMillis(1500));
            int mid = signals.size();
            probe.mark("restore" + i);
            lab.net().restoreCable();
            Wait.until("a Switchover back to the cable", Duration.ofSeconds(15), Duration.ofMillis(5),
                    () -> signals.since(mid).stream().anyMatch(e -> e.to().equals(Topology.WIRED)));
            SwitchoverLog.Entry back = signals.since(mid).stream().filter(e -> e.to().equals(Topology.WIRED))
                    .findFirst().get();
            latencies.add(back.latencyMs());
            r.put("restore." + i + ".reason", back.reason());
            reasons.add(back.reason());
            Wait.sleep(Duration.ofMillis(1500));
        }
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        long lostMax = 0;
        long lostTotal = 0;
        long restoreLost = 0;
        for (int i = 0; i < CUTS; i++) {
            TrafficProbe.Window cut = report.window("cut" + i, "cut" + i, "restore" + i);
            TrafficProbe.Window back = report.window("restore" + i, "restore" + i, i + 1 < CUTS ? "cut" + (i + 1) : "done");
            r.put("cut." + i + ".lost", cut.lost()).put("cut." + i + ".longest_gap_ms", cut.longestGapMs());
            lostMax = Math.max(lostMax, cut.lost());
            lostTotal += cut.lost();
            restoreLost += back.lost();
            r.put("restore." + i + ".lost", back.lost());
        }
        long restoreMax = 0;
        for (int i = 0; i < CUTS; i++) {
            restoreMax = Math.max(restoreMax, report.window("r", "restore" + i, i + 1 < CUTS ? "cut" + (i + 1) : "done").lost());
        }
        leaseKept(lab, r, v4Before, v6Before, dnsmasqLog(lab).substring(dnsmasqFrom));
        r.put("cuts.count", CUTS).put("cuts.lost_max", lostMax).put("cuts.lost_total", lostTotal)
                .put("restores.lost_total", restoreLost).put("restores.lost_max", restoreMax).put("signals.reasons", String.join(",", reasons));
        List<Double> sorted = latencies.stream().sorted().toList();
        r.put("signal.latency_median_ms", String.format("%.1f", sorted.get(sorted.size() / 2)));
        r.put("signal.latency_max_ms", String.format("%.1f", sorted.get(sorted.size() - 1)));
        List<Long> cs = cutToSignal.stream().sorted().toList();
        r.put("cut_to_signal.median_ms", cs.get(cs.size() / 2)).put("cut_to_signal.max_ms", cs.get(cs.size() - 1));
        r.putTcp(report);
    }

    private void switching(Lab lab, Results r, HelperProcess helper, String wlan) {
        Properties bond = props(lab);
        r.put("switch_wireless.exit", helper.cli(Topology.USER, "switch", "wireless").exit());
        Wait.until("wlan0 to carry the traffic", Duration.ofSeconds(30), () -> wlan.equals(active(bond)));
        r.put("switch_wireless.active", active(bond));
        r.put("switch_auto.exit", helper.cli(Topology.USER, "switch", "auto").exit());
        Wait.until("the faster link (the cable) to carry the traffic", Duration.ofSeconds(30),
                () -> Topology.WIRED.equals(active(bond)));
        r.put("switch_auto.active", active(bond));
        Cmd.Result denied = helper.cli(Topology.REFUSED_USER, "switch", "wireless");
        r.put("refused.exit", denied.exit()).put("refused.message", denied.err().strip());
        Wait.sleep(Duration.ofSeconds(1));
        r.put("refused.active_after", active(bond));
        r.put("refused.preference_after", (String) bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.PREFERENCE));
    }

    /**
     * Wi-Fi preferred, then its association is dropped and made again: carrier returns at
     * association, before the 4-way handshake. The port may carry traffic only once
     * wpa_supplicant says "completed".
     */
    private void wifiReadiness(Lab lab, Results r, HelperProcess helper, SwitchoverLog signals, String wlan)
            throws Exception {
        Properties bond = props(lab);
        helper.cli(Topology.USER, "switch", "wireless");
        Wait.until("Wi-Fi to carry the traffic", Duration.ofSeconds(30), () -> wlan.equals(active(bond)));
        org.bondtray.wpa.WpaSupplicant wpa = lab.systemBus().getRemoteObject(org.bondtray.wpa.Wpa.BUS_NAME,
                org.bondtray.wpa.Wpa.PATH, org.bondtray.wpa.WpaSupplicant.class);
        org.bondtray.wpa.WpaInterface iface = lab.systemBus().getRemoteObject(org.bondtray.wpa.Wpa.BUS_NAME,
                wpa.GetInterface(wlan).getPath(), org.bondtray.wpa.WpaInterface.class);
        int before = signals.size();
        try (ReadinessWatch watch = new ReadinessWatch(lab.systemBus(), PlainBond.NAME)) {
            long t0 = System.nanoTime();
            iface.Disconnect();
            Wait.until("the cable to take over", Duration.ofSeconds(15), () -> Topology.WIRED.equals(active(bond)));
            Wait.sleep(Duration.ofSeconds(2));
            long reassociate = System.nanoTime();
            iface.Reassociate();
            Wait.until("Wi-Fi to carry the traffic again", Duration.ofSeconds(60), Duration.ofMillis(20),
                    () -> wlan.equals(active(bond)));
            Wait.sleep(Duration.ofMillis(200));
            long completed = -1;
            long carried = -1;
            StringBuilder timeline = new StringBuilder();
            for (ReadinessWatch.Event e : watch.events()) {
                timeline.append(String.format("%+d ms %s=%s; ", (e.nanos() - t0) / 1_000_000, e.what(), e.value()));
                if (e.nanos() < reassociate) {
                    continue;
                }
                if (completed < 0 && e.what().equals("wpa") && e.value().equals("completed")) {
                    completed = e.nanos();
                }
                if (carried < 0 && e.what().equals("active") && e.value().equals(wlan)) {
                    carried = e.nanos();
                }
            }
            r.put("readiness.timeline", timeline.toString().strip());
            r.put("readiness.completed_seen", completed >= 0).put("readiness.active_seen", carried >= 0);
            r.put("readiness.active_after_completed_ms", (carried - completed) / 1_000_000);
        }
        List<SwitchoverLog.Entry> back = signals.since(before).stream().filter(e -> e.to().equals(wlan)).toList();
        r.put("readiness.switchover_reason", back.isEmpty() ? "" : back.get(back.size() - 1).reason());
        helper.cli(Topology.USER, "switch", "auto");
        Wait.until("the cable to carry the traffic", Duration.ofSeconds(30), () -> Topology.WIRED.equals(active(bond)));
    }

    private static String log(Lab lab, String name) {
        return readFile(lab.cmd().logDir().resolve(name + ".log").toString());
    }

    /** The Wi-Fi radio blocked by rfkill: the API says so, a switch to it is refused, unblocking heals. */
    private void rfkill(Lab lab, Results r, HelperProcess helper, Properties bond, String wlan) {
        lab.net().rfkill(0, true);
        Wait.until("wlan0 to show as blocked by rfkill", Duration.ofSeconds(30),
                () -> "rfkill".equals(portField(bond, wlan, BondProperties.PORT_ROLE_REASON)));
        r.put("rfkill.role", portField(bond, wlan, BondProperties.PORT_ROLE));
        r.put("rfkill.state", state(bond)).put("rfkill.reason", (String) bond.Get(BondtrayBus.BOND_INTERFACE,
                BondProperties.STATE_REASON));
        Cmd.Result refused = helper.cli(Topology.USER, "switch", wlan);
        r.put("rfkill.switch_exit", refused.exit()).put("rfkill.switch_message", refused.err().strip());
        // Cable cut while the radio is blocked: nothing is left, and the reason says why.
        lab.net().cutCable();
        Wait.until("the bond to be down", Duration.ofSeconds(15), () -> "down".equals(state(bond)));
        r.put("rfkill.cut_state", state(bond)).put("rfkill.cut_reason", (String) bond.Get(BondtrayBus.BOND_INTERFACE,
                BondProperties.STATE_REASON));
        lab.net().rfkill(0, false);
        r.put("rfkill.unblock_to_active_ms", Wait.until("Wi-Fi to carry the traffic with nobody asking",
                Duration.ofSeconds(90), Duration.ofMillis(50), () -> wlan.equals(active(bond))));
        lab.net().restoreCable();
        r.put("rfkill.unblock_to_backup_ms", Wait.until("wlan0 to be a working backup again", Duration.ofSeconds(90),
                Duration.ofMillis(50), () -> "backup".equals(portField(bond, wlan, BondProperties.PORT_ROLE))));
        r.put("rfkill.state_after", state(bond));
    }

    /** Setup again on the live bond, with static addresses and routes beside the DHCP lease. */
    private void staticAddressing(Lab lab, Results r, HelperProcess helper, Properties bond) {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--addressing", "both", "--address", "192.168.50.250/24",
                "--address", "fd00:50::250/64", "--gateway", "192.168.50.1", "--dns", "192.168.50.1");
        r.put("static.exit", setup.exit()).put("static.output", (setup.out() + setup.err()).strip());
        Wait.until("the static addresses on the bond", Duration.ofSeconds(30), () -> {
            List<String> all = new ArrayList<>(lab.net().addresses(PlainBond.NAME, 4));
            all.addAll(lab.net().addresses(PlainBond.NAME, 6));
            return all.contains("192.168.50.250/24") && all.contains("fd00:50::250/64");
        });
        List<String> all = new ArrayList<>(lab.net().addresses(PlainBond.NAME, 4));
        all.addAll(lab.net().addresses(PlainBond.NAME, 6));
        r.put("static.addresses", String.join(" ", all));
        r.put("static.route", lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME).strip());
        r.put("static.ping", lab.cmd().tryRun("ping", "-c", "3", "-i", "0.2", "-W", "2", "-I", "192.168.50.250",
                Topology.ROUTER).exit() == 0);
        r.put("static.state", state(bond)).put("static.active", active(bond));
        @SuppressWarnings("unchecked")
        Object addresses = bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.ADDRESSES);
        r.put("static.api_addresses", words(addresses));
    }

    /**
     * Routes and their metric from the configuration, on static and DHCP routes alike; then the
     * DHCP server falls silent and the bond takes the fallback address, and leaves it again for a
     * lease once the server answers and the fallback is removed.
     */
    private void routesAndFallback(Lab lab, Results r, HelperProcess helper, Properties bond) {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--addressing", "dhcp", "--metric", "300",
                "--route", "10.99.0.0/16 via " + Topology.ROUTER);
        r.put("routes.exit", setup.exit()).put("routes.output", (setup.out() + setup.err()).strip());
        r.put("routes.route_ms", Wait.until("the configured route with metric 300", Duration.ofSeconds(30),
                () -> lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").contains("metric 300")));
        r.put("routes.dhcp_default_ms", Wait.until("dhcpcd's default route with metric 300", Duration.ofSeconds(60),
                () -> lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME, "proto", "dhcp")
                        .contains("metric 300")));
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
     * Adapters come and go under traffic: a second wired one is plugged in and joins; the Wi-Fi
     * adapter is unplugged and plugged in again, and joins once it has associated; the second
     * wired one leaves. The cable carries everything throughout.
     */
    private void hotplug(Lab lab, Results r, HelperProcess helper, Properties bond, SwitchoverLog signals,
                         String wlan) throws Exception {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--port", "eth*", "--port", "wlan*");
        r.put("hotplug.setup_exit", setup.exit()).put("hotplug.setup_output", (setup.out() + setup.err()).strip());
        // The networks an adapter handed to wpa_supplicant gets, as the tray saves them.
        AccessPoint ap = AccessPoint.LAN_WPA2;
        java.nio.file.Files.writeString(java.nio.file.Path.of(HelperProcess.CONFIG_DIR, "wpa_supplicant.conf"),
                "update_config=1\nnetwork={\n\tssid=\"" + ap.ssid() + "\"\n\tpsk=\"" + ap.passphrase()
                        + "\"\n\tkey_mgmt=WPA-PSK\n}\n");
        int signalsBefore = signals.size();
        int helperLogFrom = log(lab, "bondtray-helper").length();
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
        lab.net().plugRadio(0);
        long plugged = System.nanoTime();
        Wait.until("the Wi-Fi adapter back in the laptop", Duration.ofSeconds(30),
                () -> java.nio.file.Files.isDirectory(java.nio.file.Path.of("/sys/class/ieee80211", lab.net().phy(0), "device/net")));
        String back = lab.net().wifiInterface(0);
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
        String helperLog = log(lab, "bondtray-helper").substring(helperLogFrom);
        r.put("hotplug.handed_over", helperLog.contains("handed " + back + " to wpa_supplicant"));
        r.put("hotplug.joined_log", helperLog.lines().filter(l -> l.contains(" joined ")).reduce((a, b) -> a + "; " + b)
                .orElse(""));
    }

    /**
     * A cable toggled 50 times in 10 seconds: the bond stays usable, the helper reports the
     * burst as a few changes rather than a storm, and keeps neither memory nor threads from it.
     */
    private void flapping(Lab lab, Results r, HelperProcess helper, Properties bond, SwitchoverLog signals)
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

    private static String portField(Properties bond, String port, String key) {
        Object ports = unwrap(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.PORTS));
        Object entry = ports instanceof Map<?, ?> m ? unwrap(m.get(port)) : null;
        Object value = entry instanceof Map<?, ?> e ? unwrap(e.get(key)) : null;
        return value == null ? "" : String.valueOf(value);
    }

    private static Properties props(Lab lab) {
        try {
            return lab.systemBus().getRemoteObject(BondtrayBus.BUS_NAME, BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND),
                    Properties.class);
        } catch (org.freedesktop.dbus.exceptions.DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    private void crash(Lab lab, Results r, HelperProcess helper, Properties bond) throws Exception {
        r.put("crash.state_before", state(bond)).put("crash.active_before", active(bond));
        long dhcpcd = dhcpcdPid(lab);
        TrafficProbe probe = lab.probe(20);
        Wait.sleep(Duration.ofSeconds(1));
        probe.mark("kill");
        helper.kill9();
        Wait.sleep(Duration.ofSeconds(2));
        probe.mark("restart");
        r.put("crash.restart_to_name_ms", helper.start());
        Wait.sleep(Duration.ofSeconds(1));
        TrafficProbe.Report report = probe.stop();
        TrafficProbe.Window w = report.window("crash", "kill", TrafficProbe.END);
        r.put(w);
        r.put("crash.tcp_survived", report.tcp().survived()).put("crash.tcp_connections", report.tcp().connections());
        Properties after = props(lab);
        r.put("crash.state_after", state(after)).put("crash.active_after", active(after));
        r.put("crash.dhcpcd_adopted", dhcpcd > 0 && dhcpcdPid(lab) == dhcpcd);
    }

    /** Calls a desktop user could make by hand, each malformed in its own way. */
    private void badInput(Lab lab, Results r, HelperProcess helper, Properties bond) throws Exception {
        Map<String, String> before = snapshot(bond);
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("unknown_interface", new String[] {"SwitchTo", "'nosuch0'"});
        calls.put("name_16_chars", new String[] {"SwitchTo", "'abcdefghijklmnop'"});
        calls.put("dot_dot_slash", new String[] {"SwitchTo", "'../etc'"});
        calls.put("shell_metachars", new String[] {"SwitchTo", "'eth0;reboot'"});
        calls.put("empty_string", new String[] {"SwitchTo", "''"});
        calls.put("bad_preference", new String[] {"SetPreference", "'fastest'"});
        calls.put("unknown_key", new String[] {"Setup", "{'Colour': <'blue'>}"});
        calls.put("wrong_variant_type", new String[] {"Setup", "{'Ports': <'eth0'>}"});
        calls.put("huge_array", new String[] {"Setup", "{'Ports': <" + hugeArray() + ">}"});
        calls.put("port_pattern_chars", new String[] {"Setup", "{'Ports': <['eth0 wlan0']>}"});
        calls.put("timer_zero", new String[] {"Setup", "{'MiiMon': <uint32 0>}"});
        calls.put("timer_huge", new String[] {"Setup", "{'UpDelay': <uint32 999999>}"});
        calls.put("unknown_port_in_setup", new String[] {"Setup", "{'Ports': <['eth9']>}"});
        int accepted = 0;
        for (Map.Entry<String, String[]> c : calls.entrySet()) {
            String outcome = gdbusError(lab, Topology.USER, c.getValue()[0], c.getValue()[1]);
            r.put("bad." + c.getKey(), outcome);
            accepted += outcome.equals("accepted") ? 1 : 0;
        }
        // Arguments of the wrong D-Bus types: gdbus would convert the value, so dbus-send makes these.
        Map<String, String[]> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("wrong_type", new String[] {"SetPreference", "uint32:3"});
        wrongTypes.put("wrong_type_setup", new String[] {"Setup", "string:eth0"});
        wrongTypes.put("wrong_arity", new String[] {"SwitchTo", "string:eth0", "string:wlan0"});
        for (Map.Entry<String, String[]> c : wrongTypes.entrySet()) {
            String outcome = dbusSendError(lab, c.getValue());
            r.put("bad." + c.getKey(), outcome);
            accepted += outcome.equals("accepted") ? 1 : 0;
        }
        r.put("bad.refused_user_unknown_interface", gdbusError(lab, Topology.REFUSED_USER, "SwitchTo", "'nosuch0'"));
        r.put("bad.count", calls.size() + wrongTypes.size()).put("bad.accepted", accepted);
        r.put("notfound.not_a_port", gdbusError(lab, Topology.USER, "SwitchTo", "'lo'"));
        busy(lab, r);
        r.put("bad.helper_alive", helper.onBus());
        r.put("bad.unchanged", before.equals(snapshot(bond)));
    }

    // ---- DHCP run by the helper ----------------------------------------------------------------

    /** The helper starts dhcpcd once the bond carries traffic; the lease and DNS show in the API. */
    private void helperDhcp(Lab lab, Results r, Properties bond) {
        r.put("dhcp.lease_ms", Wait.until("a DHCPv4 lease on the bond from the helper's dhcpcd",
                Duration.ofSeconds(60), Duration.ofMillis(100), () -> !lab.net().addresses(PlainBond.NAME, 4).isEmpty()));
        r.put("dhcp.lease6_ms", Wait.until("a DHCPv6 address on the bond", Duration.ofSeconds(60),
                Duration.ofMillis(100), () -> !lab.net().addresses(PlainBond.NAME, 6).isEmpty()));
        Wait.until("the lease in the DHCP property", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> !dhcpField(bond, BondProperties.DHCP_ADDRESS).isEmpty());
        r.put("dhcp.state", dhcpField(bond, BondProperties.DHCP_STATE));
        r.put("dhcp.address", dhcpField(bond, BondProperties.DHCP_ADDRESS));
        r.put("dhcp.server", dhcpField(bond, BondProperties.DHCP_SERVER));
        r.put("dhcp.lease_time", dhcpField(bond, BondProperties.DHCP_LEASE_TIME));
        r.put("dhcp.bond_address", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
        r.put("dhcp.dns", words(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.DNS)));
        r.put("dhcp.resolv_conf", readFile("/etc/resolv.conf").lines().filter(l -> l.startsWith("nameserver"))
                .reduce((a, b) -> a + "; " + b).orElse(""));
        r.put("dhcp.config", readFile("/run/bondtray/dhcpcd-" + PlainBond.NAME + ".conf").lines()
                .filter(l -> l.startsWith("iaid") || l.startsWith("duid")).reduce((a, b) -> a + "; " + b).orElse(""));
    }

    /** Same addresses after the cuts; dnsmasq saw renewals of one client, never a new one. */
    private static void leaseKept(Lab lab, Results r, List<String> v4Before, List<String> v6Before, String log) {
        r.put("dhcp.v4_before", String.join(" ", v4Before)).put("dhcp.v6_before", String.join(" ", v6Before));
        r.put("dhcp.v4_after", String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
        r.put("dhcp.v6_after", String.join(" ", lab.net().addresses(PlainBond.NAME, 6)));
        r.put("dhcp.cuts_discover", count(log, "DHCPDISCOVER")).put("dhcp.cuts_nak", count(log, "DHCPNAK"))
                .put("dhcp.cuts_request", count(log, "DHCPREQUEST")).put("dhcp.cuts_ack", count(log, "DHCPACK")).put("dhcp.cuts_release", count(log, "DHCPRELEASE"));
        // dnsmasq keeps one line per lease: the helper's client id (ff, IAID, DUID; RFC 4361) has one.
        String iaid = readFile("/run/bondtray/dhcpcd-" + PlainBond.NAME + ".conf").lines()
                .filter(l -> l.startsWith("iaid ")).map(l -> l.substring(5).strip()).findFirst().orElse("0");
        String prefix = String.format("ff:%s", hexColon(Long.parseLong(iaid)));
        List<String> leases = readFile("/run/dnsmasq-" + Topology.LAN_NS + ".leases").lines()
                .filter(l -> l.contains(" " + prefix)).toList();
        r.put("dhcp.client_leases", leases.size());
        r.put("dhcp.client_id_prefix", prefix);
    }

    private static String hexColon(long iaid) {
        return String.format("%02x:%02x:%02x:%02x", (iaid >> 24) & 0xff, (iaid >> 16) & 0xff, (iaid >> 8) & 0xff,
                iaid & 0xff);
    }

    /** dhcpcd killed: the helper starts it again; the address stays all along. */
    private void dhcpcdDies(Lab lab, Results r, Properties bond) {
        long pid = dhcpcdPid(lab);
        r.put("dhcpcd.pid_before", pid);
        String before = String.join(" ", lab.net().addresses(PlainBond.NAME, 4));
        lab.cmd().run("kill", "-9", Long.toString(pid));
        r.put("dhcpcd.restart_ms", Wait.until("the helper to start dhcpcd again", Duration.ofSeconds(30),
                Duration.ofMillis(50), () -> dhcpcdPid(lab) > 0 && dhcpcdPid(lab) != pid));
        r.put("dhcpcd.address_kept", before.equals(String.join(" ", lab.net().addresses(PlainBond.NAME, 4))));
        r.put("dhcpcd.state_after", dhcpField(bond, BondProperties.DHCP_STATE));
    }

    private static long dhcpcdPid(Lab lab) {
        String text = readFile("/run/dhcpcd/" + PlainBond.NAME + ".pid").strip();
        if (text.isEmpty()) {
            return 0;
        }
        long pid = Long.parseLong(text);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
    }

    /** An array property as words; dbus-java hands arrays back as arrays or as lists. */
    private static String words(Object value) {
        List<?> items = value instanceof Object[] a ? Arrays.asList(a) : value instanceof List<?> l ? l : List.of(value);
        return String.join(" ", items.stream().map(String::valueOf).toList());
    }

    private static String dhcpField(Properties bond, String key) {
        Map<String, Object> dhcp = bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.DHCP);
        return String.valueOf(unwrap(dhcp.get(key)));
    }

    private static String dnsmasqLog(Lab lab) {
        return log(lab, "dnsmasq-" + Topology.LAN_NS);
    }

    private static int count(String text, String word) {
        return (int) text.lines().filter(l -> l.contains(word)).count();
    }

    private static String readFile(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Calls the helper with gdbus as {@code user}: "accepted", or the D-Bus error's name. */
    private static String gdbusError(Lab lab, String user, String method, String args) {
        Cmd.Result res = lab.cmd().tryRun(gdbus(user, method, args));
        return res.exit() == 0 ? "accepted" : errorName(res.err());
    }

    /** Calls the helper with dbus-send as the user: method, then typed arguments. */
    private static String dbusSendError(Lab lab, String[] methodAndArgs) {
        List<String> argv = new ArrayList<>(List.of("runuser", "-u", Topology.USER, "--", "dbus-send", "--system",
                "--print-reply", "--dest=" + BondtrayBus.BUS_NAME, BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND),
                BondtrayBus.BOND_INTERFACE + "." + methodAndArgs[0]));
        argv.addAll(Arrays.asList(methodAndArgs).subList(1, methodAndArgs.length));
        Cmd.Result res = lab.cmd().tryRun(argv.toArray(String[]::new));
        Matcher w = Pattern.compile("Error ([A-Za-z0-9_.]+)").matcher(res.out() + res.err());
        return res.exit() == 0 ? "accepted" : w.find() ? w.group(1) : "rejected";
    }

    private static String[] gdbus(String user, String method, String args) {
        return new String[] {"runuser", "-u", user, "--", "gdbus", "call", "--system", "--dest", BondtrayBus.BUS_NAME,
                "--object-path", BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND), "--method",
                BondtrayBus.BOND_INTERFACE + "." + method, args};
    }

    /** Two changes at once: one is applied, the other is told the helper is busy. */
    private void busy(Lab lab, Results r) throws Exception {
        String[] setup = gdbus(Topology.USER, "Setup", "{'Preference': <'automatic'>}");
        Process first = lab.cmd().start("busy-first", setup);
        Process second = lab.cmd().start("busy-second", setup);
        first.waitFor();
        second.waitFor();
        String a = log(lab, "busy-first");
        String b = log(lab, "busy-second");
        r.put("busy.outcomes", (first.exitValue() == 0 ? "ok" : errorName(a)) + " "
                + (second.exitValue() == 0 ? "ok" : errorName(b)));
    }

    private static String errorName(String output) {
        Matcher m = ERROR_NAME.matcher(output);
        return m.find() ? m.group(1) : output.strip();
    }

    private static String hugeArray() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            s.append(i == 0 ? "" : ",").append("'eth").append(i % 10).append("'");
        }
        return s.append("]").toString();
    }

    private static Map<String, String> snapshot(Properties bond) {
        Map<String, String> s = new LinkedHashMap<>();
        bond.GetAll(BondtrayBus.BOND_INTERFACE).forEach((k, v) -> {
            // Ports carry live counters; DHCP's lease is renewed by dhcpcd on its own time.
            if (!k.equals(BondProperties.PORTS) && !k.equals(BondProperties.DHCP)) {
                Object value = v.getValue();
                s.put(k, value instanceof Object[] a ? java.util.Arrays.toString(a) : String.valueOf(value));
            }
        });
        return s;
    }

    private void disable(Lab lab, Results r, HelperProcess helper, String wlan) {
        int dnsmasqFrom = dnsmasqLog(lab).length();
        Cmd.Result d = helper.cli(Topology.USER, "disable");
        Wait.sleep(Duration.ofSeconds(1));
        String after = dnsmasqLog(lab).substring(dnsmasqFrom);
        r.put("disable.dhcp_released", after.contains("DHCPRELEASE"));
        r.put("disable.dhcpcd_running", dhcpcdPid(lab) > 0);
        r.put("disable.resolv_conf_restored", !readFile("/etc/resolv.conf").contains("bondtray-helper"));
        r.put("disable.exit", d.exit()).put("disable.output", (d.out() + d.err()).strip());
        r.put("disable.bond_exists", lab.cmd().tryRun("ip", "link", "show", PlainBond.NAME).exit() == 0);
        r.put("disable.eth0", lab.cmd().run("ip", "-o", "link", "show", Topology.WIRED).strip());
        r.put("disable.wlan0", lab.cmd().run("ip", "-o", "link", "show", wlan).strip());
        // Given back as it was: wpa_supplicant still manages it and associates again by itself.
        r.put("disable.wlan0_completed_ms", lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60)));
        r.put("disable.wlan0_carrier", lab.cmd().run("cat", "/sys/class/net/" + wlan + "/carrier").strip());
    }
}
