package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.BondReadings.active;
import static org.bondtray.lab.guest.BondReadings.count;
import static org.bondtray.lab.guest.BondReadings.dhcpField;
import static org.bondtray.lab.guest.BondReadings.log;
import static org.bondtray.lab.guest.BondReadings.portField;
import static org.bondtray.lab.guest.BondReadings.ports;
import static org.bondtray.lab.guest.BondReadings.props;
import static org.bondtray.lab.guest.BondReadings.readFile;
import static org.bondtray.lab.guest.BondReadings.ssid;
import static org.bondtray.lab.guest.BondReadings.state;
import static org.bondtray.lab.guest.BondReadings.words;

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

    /** The helper's wait after a switchover before it asks dhcpcd to renew (Dhcpcd's settle time). */
    private static final long RENEW_SETTLE_NANOS = 2_000_000_000L;

    @Override
    public void run(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        HelperProcess helper = new HelperProcess(lab.cmd());
        try (SwitchoverLog signals = new SwitchoverLog(lab.systemBus())) {
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
            r.put("helper.start_to_name_ms", helper.start());
            Properties bond = props(lab);
            r.put("helper.state_at_start", state(bond));

            setup(lab, r, helper, bond, wlan);
            RealWorldSteps world = new RealWorldSteps(lab, r, helper, bond);
            // Each step after the setup stands alone: one that fails records why (step.NAME.error)
            // and the next one runs, so a failure costs its own test cases, not the scenario's.
            r.guarded("step.same_network", () -> world.sameNetwork(wlan));
            r.guarded("step.cuts", () -> {
                Process watch = helper.startCli("bondtray-watch", Topology.USER, "watch", "--json");
                Wait.until("bondtray watch to start", Duration.ofSeconds(60), Duration.ofMillis(100),
                        () -> log(lab, "bondtray-watch").contains("\"watching\""));
                cuts(lab, r, signals, wlan);
                Wait.sleep(Duration.ofSeconds(1));
                Cmd.stop(watch, Duration.ofSeconds(2));
                List<String> lines = log(lab, "bondtray-watch").lines().filter(l -> l.contains("\"switchover\"")).toList();
                r.put("watch.switchover_lines", lines.size());
                r.put("watch.first_line", lines.isEmpty() ? "" : lines.get(0));
            });
            r.guarded("step.slow_air", () -> world.slowAir(signals, wlan));
            new TraySteps(lab, r).run();
            r.guarded("step.switching", () -> switching(lab, r, helper, wlan));
            r.guarded("step.readiness", () -> wifiReadiness(lab, r, helper, signals, wlan));
            r.guarded("step.crash", () -> crash(lab, r, helper, bond));
            r.guarded("step.bad_input", () -> badInput(lab, r, helper, bond));
            r.guarded("step.hostile_domain", () -> hostileDomainName(lab, r, bond));
            r.put("helper.rss_kb", helper.rssKb());
            r.guarded("step.rfkill", () -> rfkill(lab, r, helper, bond, wlan));
            r.guarded("step.static", () -> staticAddressing(lab, r, helper, bond));
            r.guarded("step.routes", world::routesAndFallback);
            r.guarded("step.rollback", world::rollback);
            r.guarded("step.verdict_during_switchover", () -> world.verdictDuringSwitchover(signals, wlan));
            r.guarded("step.hotplug", () -> world.hotplug(signals, wlan));
            r.guarded("step.flapping", () -> world.flapping(signals));
            r.guarded("step.disable", () -> disable(lab, r, helper, lab.net().wifiInterface(0)));
            r.guarded("step.wifi_cli", () -> new WifiCliSteps(lab, r, helper).run(lab.net().wifiInterface(0)));
            new WindowSteps(lab, r, helper, lab.net().wifiInterface(0)).run();
            r.guarded("step.two_wifi", () -> world.twoWifi(lab.net().wifiInterface(0)));
        } finally {
            helper.stop();
        }
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

    /** A value from {@code ip -d -j} output without a JSON library: "key":"value" or "key":number. */
    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private void cuts(Lab lab, Results r, SwitchoverLog signals, String wlan) throws Exception {
        List<String> v4Before = lab.net().addresses(PlainBond.NAME, 4);
        List<String> v6Before = lab.net().addresses(PlainBond.NAME, 6);
        int dnsmasqFrom = dnsmasqLog(lab).length();
        OldMacWatch oldMac = new OldMacWatch(lab, Topology.WIRED, wlan);
        // The tray XDG autostart started in alice's session tells her of each switchover.
        Process notifications = lab.net().session().watchNotifications("alice-notify-cuts");
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
            SwitchoverLog.Entry cut = signals.await(wlan, before, Duration.ofSeconds(15));
            latencies.add(cut.latencyMs());
            cutToSignal.add((cut.receivedNanos() - t0) / 1_000_000);
            r.put("cut." + i + ".reason", cut.reason()).put("cut." + i + ".outage_ms", cut.outageMs());
            reasons.add(cut.reason());
            Wait.sleep(Duration.ofMillis(1500));
            int mid = signals.size();
            probe.mark("restore" + i);
            long t1 = System.nanoTime();
            lab.net().restoreCable();
            SwitchoverLog.Entry back = signals.await(Topology.WIRED, mid, Duration.ofSeconds(15));
            latencies.add(back.latencyMs());
            r.put("restore." + i + ".reason", back.reason());
            r.put("restore." + i + ".signal_after_ms", (back.receivedNanos() - t1) / 1_000_000);
            // The helper asks dhcpcd to renew 2 s after a switchover: for the cut's, that falls in
            // the restore. Set against lost_at_ms, it tells whether a loss goes with the renewal.
            r.put("restore." + i + ".renew_due_ms", (cut.receivedNanos() + RENEW_SETTLE_NANOS - t1) / 1_000_000);
            reasons.add(back.reason());
            Wait.sleep(Duration.ofMillis(1500));
        }
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        Wait.sleep(Duration.ofSeconds(3));
        Cmd.stop(notifications, Duration.ofSeconds(2));
        List<String> notices = lab.net().session().notifications("alice-notify-cuts");
        r.put("cuts.notifications", notices.size()).put("cuts.notification_first", notices.isEmpty() ? "" : notices.get(0));
        java.util.Set<Integer> oldMacSent = oldMac.echoRequests();
        oldMac.close();
        long lostMax = 0;
        long lostTotal = 0;
        long restoreLost = 0;
        long restoreMax = 0;
        long restoreOther = 0;
        long restoreKernelWindow = 0;
        for (int i = 0; i < CUTS; i++) {
            TrafficProbe.Window cut = report.window("cut" + i, "cut" + i, "restore" + i);
            TrafficProbe.Window back = report.window("restore" + i, "restore" + i, i + 1 < CUTS ? "cut" + (i + 1) : "done");
            r.put("cut." + i + ".lost", cut.lost()).put("cut." + i + ".longest_gap_ms", cut.longestGapMs());
            lostMax = Math.max(lostMax, cut.lost());
            lostTotal += cut.lost();
            restoreLost += back.lost();
            restoreMax = Math.max(restoreMax, back.lost());
            r.put("restore." + i + ".lost", back.lost());
            // When in the restore window each lost request left: set against the switch, it tells
            // a packet caught in the MAC change from anything else.
            String until = i + 1 < CUTS ? "cut" + (i + 1) : "done";
            r.put("restore." + i + ".lost_at_ms", report.lostAt("restore" + i, until).toString());
            // Lost because the kernel sent them out of the cable with the Wi-Fi's MAC (OldMacWatch), or otherwise.
            long inWindow = report.lost("restore" + i, until).stream().filter(q -> oldMacSent.contains(q.seq())).count();
            r.put("restore." + i + ".lost_kernel_window", inWindow);
            restoreKernelWindow += inWindow;
            restoreOther += back.lost() - inWindow;
        }
        r.put("restores.old_mac_sent", oldMacSent.size()).put("restores.lost_kernel_window", restoreKernelWindow)
                .put("restores.lost_other", restoreOther);
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
        Map<String, String> before = BondReadings.snapshot(bond);
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
        r.put("bad.unchanged", before.equals(BondReadings.snapshot(bond)));
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
        // The helper hands the servers on after it publishes the lease: allow it a moment.
        r.put("dhcp.resolv_conf_ms", Wait.untilOrTimeout(Duration.ofSeconds(15), Duration.ofMillis(100),
                () -> nameservers().contains("nameserver 192.168.50.1")));
        r.put("dhcp.resolv_conf", nameservers());
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

    /**
     * The LAN's DHCP server turns hostile: its domain name option holds a newline and resolver
     * directives, which the helper, as root, would write into resolv.conf as lines of their own.
     * dhcpcd is killed so the one the helper starts again takes that lease; then the plain server
     * comes back.
     */
    private void hostileDomainName(Lab lab, Results r, Properties bond) {
        int journalFrom = HelperProcess.log(lab.cmd()).length();
        try {
            r.put("hostile_domain.dropped_ms", hostileLeaseTaken(lab, Duration.ofSeconds(30),
                    () -> dhcpcdDies(lab, r, bond)));
            String said = HelperProcess.log(lab.cmd()).substring(journalFrom).lines()
                    .filter(l -> l.contains(DROPPED_DOMAIN)).findFirst().orElse("");
            String conf = readFile("/etc/resolv.conf");
            r.put("hostile_domain.warning", said.strip())
                    .put("hostile_domain.resolv_conf", conf.strip().replace('\n', '|'))
                    .put("hostile_domain.injected", conf.contains("203.0.113.5") || conf.contains("trust-ad"))
                    .put("hostile_domain.dns", words(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.DNS)));
        } finally {
            lab.net().restartLanDhcp();
        }
    }

    /** dnsmasq's option for a domain name that carries resolver directives on lines of their own. */
    static final String HOSTILE_DOMAIN = "--dhcp-option-force=option:domain-name," + Topology.LAN_DOMAIN
            + "\nnameserver 203.0.113.5\noptions trust-ad";
    /** What the helper logs when it drops such an option. */
    static final String DROPPED_DOMAIN = "dropped the DHCP server's domain";

    /**
     * The LAN's DHCP server restarted with {@link #HOSTILE_DOMAIN}; {@code takeLease} has the
     * helper's dhcpcd take a lease from it. Returns the ms until the helper logged that it dropped
     * the option, or -1 if it did not within {@code patience}. The caller puts the plain server
     * back ({@code restartLanDhcp()}) when it has read what it needs.
     */
    static long hostileLeaseTaken(Lab lab, Duration patience, Runnable takeLease) {
        int journalFrom = HelperProcess.log(lab.cmd()).length();
        lab.net().restartLanDhcp(HOSTILE_DOMAIN);
        takeLease.run();
        return Wait.untilOrTimeout(patience, Duration.ofMillis(250),
                () -> HelperProcess.log(lab.cmd()).substring(journalFrom).contains(DROPPED_DOMAIN));
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
        // The pid file appears before the helper has seen its child start: allow it a moment.
        r.put("dhcpcd.running_ms", Wait.untilOrTimeout(Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE))));
        r.put("dhcpcd.state_after", dhcpField(bond, BondProperties.DHCP_STATE));
    }

    private static String nameservers() {
        return readFile("/etc/resolv.conf").lines().filter(l -> l.startsWith("nameserver"))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    static long dhcpcdPid(Lab lab) {
        String text = readFile("/run/dhcpcd/" + PlainBond.NAME + ".pid").strip();
        if (text.isEmpty()) {
            return 0;
        }
        long pid = Long.parseLong(text);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
    }

    private static String dnsmasqLog(Lab lab) {
        return log(lab, "dnsmasq-" + Topology.LAN_NS);
    }

    /** Calls the helper with gdbus as {@code user}: "accepted", or the D-Bus error's name. */
    private static String gdbusError(Lab lab, String user, String method, String args) {
        Cmd.Result res = lab.cmd().tryRun(gdbus(user, method, args));
        return res.exit() == 0 ? "accepted" : errorName(res.err());
    }

    /** Calls the helper with dbus-send as the user: method, then typed arguments. */
    private static String dbusSendError(Lab lab, String[] methodAndArgs) {
        List<String> argv = new ArrayList<>(List.of("dbus-send", "--system",
                "--print-reply", "--dest=" + BondtrayBus.BUS_NAME, BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND),
                BondtrayBus.BOND_INTERFACE + "." + methodAndArgs[0]));
        argv.addAll(Arrays.asList(methodAndArgs).subList(1, methodAndArgs.length));
        Cmd.Result res = lab.cmd().tryRun(DesktopSession.inSession(Topology.USER, argv.toArray(String[]::new)));
        Matcher w = Pattern.compile("Error ([A-Za-z0-9_.]+)").matcher(res.out() + res.err());
        return res.exit() == 0 ? "accepted" : w.find() ? w.group(1) : "rejected";
    }

    /** gdbus as {@code user}, run as the command line is. */
    private static String[] gdbus(String user, String method, String args) {
        return DesktopSession.asUser(user, gdbus(method, args));
    }

    private static String[] gdbus(String method, String args) {
        return HelperProcess.gdbus(BondtrayBus.BOND_INTERFACE + "." + method, args);
    }

    /**
     * Two Setup calls started together: one is applied, the other refused as Busy. They are
     * root's, whom polkit never asks: two of alice's would each wait on the administrator's
     * password in one agent, and the second prompt comes only after the first change is done.
     * Two gdbus processes under emulation do not always reach the helper within one change's few
     * milliseconds, so the pair is tried up to five times until they overlap.
     */
    private void busy(Lab lab, Results r) throws Exception {
        String[] setup = gdbus("Setup", "{'Preference': <'automatic'>, 'ConfirmTimeout': <uint32 0>}");
        String outcomes = "";
        int attempt = 0;
        while (attempt < 5 && !outcomes.contains("Busy")) {
            attempt++;
            Process first = lab.cmd().start("busy-first", setup);
            Process second = lab.cmd().start("busy-second", setup);
            first.waitFor();
            second.waitFor();
            String a = log(lab, "busy-first");
            String b = log(lab, "busy-second");
            outcomes = (first.exitValue() == 0 ? "ok" : errorName(a)) + " " + (second.exitValue() == 0 ? "ok" : errorName(b));
        }
        r.put("busy.outcomes", outcomes).put("busy.attempts", attempt);
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
