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
import org.bondtray.lab.guest.HelperLaptop.Start;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The helper end to end, driven only through D-Bus as the desktop users would drive it: setup
 * from two plain interfaces, ten cable cuts with their Switchover signals, switching and who may
 * switch, a crash of the helper under traffic, bad input, and disable. Each is a scenario of its
 * own on the {@link HelperLaptop} they share, with its own record of figures
 * ({@link HelperFigures}) and its own test case on the host.
 */
final class HelperDrill {
    static final int CUTS = 10;
    private static final Pattern ERROR_NAME = Pattern.compile("GDBus\\.Error:([A-Za-z0-9_.]+)");

    /** The helper's wait after a switchover before it asks dhcpcd to renew (Dhcpcd's settle time). */
    private static final long RENEW_SETTLE_NANOS = 2_000_000_000L;

    private HelperDrill() {
    }

    /** The helper's set, in the order one VM boot runs it. */
    static void register(Map<String, Scenario> all) {
        HelperLaptop l = new HelperLaptop(Scenarios.HELPER);
        all.put(Scenarios.HELPER_SETUP, l.scenario(Start.NOTHING, HelperDrill::setup));
        all.put(Scenarios.HELPER_SAME_NETWORK, l.scenario(Start.BONDED, x -> new RealWorldSteps(x).sameNetwork()));
        all.put(Scenarios.HELPER_CUTS, l.scenario(Start.BONDED, HelperDrill::cuts));
        all.put(Scenarios.HELPER_SLOW_AIR, l.scenario(Start.BONDED, x -> new RealWorldSteps(x).slowAir()));
        all.put(Scenarios.HELPER_TRAY, l.scenario(Start.BONDED, x -> new TraySteps(x.lab()).run()));
        all.put(Scenarios.HELPER_SWITCHING, l.scenario(Start.BONDED, HelperDrill::switching));
        all.put(Scenarios.HELPER_READINESS, l.scenario(Start.BONDED, HelperDrill::wifiReadiness));
        all.put(Scenarios.HELPER_CRASH, l.scenario(Start.BONDED, HelperDrill::crash));
        all.put(Scenarios.HELPER_BAD_INPUT, l.scenario(Start.BONDED, HelperDrill::badInput));
        all.put(Scenarios.HELPER_HOSTILE_DOMAIN, l.scenario(Start.BONDED, HelperDrill::hostileDomainName));
        all.put(Scenarios.HELPER_RFKILL, l.scenario(Start.BONDED, HelperDrill::rfkill));
        all.put(Scenarios.HELPER_STATIC, l.changing(Start.BONDED, HelperDrill::staticAddressing));
        all.put(Scenarios.HELPER_ROUTES, l.changing(Start.BONDED, x -> new RealWorldSteps(x).routesAndFallback()));
        all.put(Scenarios.HELPER_ROLLBACK, l.changing(Start.BONDED, x -> new RealWorldSteps(x).rollback()));
        all.put(Scenarios.HELPER_VERDICT, l.changing(Start.BONDED, x -> new RealWorldSteps(x).verdictDuringSwitchover()));
        all.put(Scenarios.HELPER_HOTPLUG, l.changing(Start.BONDED, x -> new RealWorldSteps(x).hotplug()));
        all.put(Scenarios.HELPER_FLAPPING, l.scenario(Start.BONDED, x -> new RealWorldSteps(x).flapping()));
        all.put(Scenarios.HELPER_DISABLE, l.scenario(Start.BONDED, HelperDrill::disable));
        all.put(Scenarios.HELPER_WIFI_CLI, l.scenario(Start.UNBONDED, x -> new WifiCliSteps(x).run()));
        all.put(Scenarios.HELPER_WINDOWS, l.changing(Start.UNBONDED, x -> new WindowSteps(x).run()));
        all.put(Scenarios.HELPER_TWO_WIFI, l.changing(Start.UNBONDED, x -> new RealWorldSteps(x).twoWifi()));
    }

    private static HelperFigures.Setup setup(HelperLaptop l) throws Exception {
        Lab lab = l.lab();
        HelperProcess helper = l.helper();
        String wlan = l.wlan();
        long startToName = helper.start();
        Properties bond = l.bond();
        String stateAtStart = state(bond);
        Cmd.Result setup = helper.cli(Topology.USER, "setup");
        long upMs = Wait.until("the bond to be up", Duration.ofSeconds(90), Duration.ofMillis(50),
                () -> "up".equals(state(bond)));
        String details = lab.cmd().run("ip", "-d", "-j", "link", "show", PlainBond.NAME);
        String ports = String.join(" ", new TreeSet<>(ports(lab)));
        HelperFigures.Lease lease = helperDhcp(lab, bond);
        // The helper reads the Wi-Fi port's network from wpa_supplicant.
        Wait.until("the helper to show wlan0's SSID", Duration.ofSeconds(30), () -> !ssid(bond, wlan).isEmpty());
        return new HelperFigures.Setup(startToName, stateAtStart, HelperFigures.Said.of(setup), upMs,
                field(details, "mode"), field(details, "fail_over_mac"), field(details, "primary"), ports,
                ssid(bond, wlan), helper.cli(Topology.USER, "status").out().strip(), helper.rssKb(), lease);
    }

    /** A value from {@code ip -d -j} output without a JSON library: "key":"value" or "key":number. */
    private static String field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    /** Ten cuts and restores under traffic, with {@code bondtray watch} and alice's tray listening. */
    private static HelperFigures.Cuts cuts(HelperLaptop l) throws Exception {
        Lab lab = l.lab();
        String wlan = l.wlan();
        SwitchoverLog signals = l.signals();
        Process watch = l.helper().startCli("bondtray-watch", Topology.USER, "watch", "--json");
        Wait.until("bondtray watch to start", Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> log(lab, "bondtray-watch").contains("\"watching\""));
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
        List<SwitchoverLog.Entry> cutSignals = new ArrayList<>();
        List<SwitchoverLog.Entry> restoreSignals = new ArrayList<>();
        List<Long> renewDue = new ArrayList<>();
        List<Long> restoreAfter = new ArrayList<>();
        TreeSet<String> reasons = new TreeSet<>();
        for (int i = 0; i < CUTS; i++) {
            int before = signals.size();
            probe.mark("cut" + i);
            long t0 = System.nanoTime();
            lab.net().cutCable();
            SwitchoverLog.Entry cut = signals.await(wlan, before, Duration.ofSeconds(15));
            latencies.add(cut.latencyMs());
            cutToSignal.add((cut.receivedNanos() - t0) / 1_000_000);
            cutSignals.add(cut);
            reasons.add(cut.reason());
            Wait.sleep(Duration.ofMillis(1500));
            int mid = signals.size();
            probe.mark("restore" + i);
            long t1 = System.nanoTime();
            lab.net().restoreCable();
            SwitchoverLog.Entry back = signals.await(Topology.WIRED, mid, Duration.ofSeconds(15));
            latencies.add(back.latencyMs());
            restoreSignals.add(back);
            restoreAfter.add((back.receivedNanos() - t1) / 1_000_000);
            // The helper asks dhcpcd to renew 2 s after a switchover: for the cut's, that falls in
            // the restore. Set against lostAtMs, it tells whether a loss goes with the renewal.
            renewDue.add((cut.receivedNanos() + RENEW_SETTLE_NANOS - t1) / 1_000_000);
            reasons.add(back.reason());
            Wait.sleep(Duration.ofMillis(1500));
        }
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        Wait.sleep(Duration.ofSeconds(3));
        Cmd.stop(notifications, Duration.ofSeconds(2));
        List<String> notices = lab.net().session().notifications("alice-notify-cuts");
        java.util.Set<Integer> oldMacSent = oldMac.echoRequests();
        oldMac.close();
        List<HelperFigures.Cut> cuts = new ArrayList<>();
        List<HelperFigures.Restore> restores = new ArrayList<>();
        int lostMax = 0;
        int lostTotal = 0;
        int restoreLost = 0;
        int restoreMax = 0;
        long restoreOther = 0;
        long restoreKernelWindow = 0;
        for (int i = 0; i < CUTS; i++) {
            String until = i + 1 < CUTS ? "cut" + (i + 1) : "done";
            TrafficProbe.Window cut = report.window("cut" + i, "cut" + i, "restore" + i);
            TrafficProbe.Window back = report.window("restore" + i, "restore" + i, until);
            cuts.add(new HelperFigures.Cut(cutSignals.get(i).reason(), cutSignals.get(i).outageMs(), cut.lost(),
                    cut.longestGapMs()));
            lostMax = Math.max(lostMax, cut.lost());
            lostTotal += cut.lost();
            restoreLost += back.lost();
            restoreMax = Math.max(restoreMax, back.lost());
            // Lost because the kernel sent them out of the cable with the Wi-Fi's MAC (OldMacWatch), or otherwise.
            long inWindow = report.lost("restore" + i, until).stream().filter(q -> oldMacSent.contains(q.seq())).count();
            // When in the restore window each lost request left: set against the switch, it tells
            // a packet caught in the MAC change from anything else.
            restores.add(new HelperFigures.Restore(restoreSignals.get(i).reason(), restoreAfter.get(i), renewDue.get(i),
                    back.lost(), report.lostAt("restore" + i, until).toString(), inWindow));
            restoreKernelWindow += inWindow;
            restoreOther += back.lost() - inWindow;
        }
        HelperFigures.LeaseKept lease = leaseKept(lab, v4Before, v6Before, dnsmasqLog(lab).substring(dnsmasqFrom));
        Wait.sleep(Duration.ofSeconds(1));
        Cmd.stop(watch, Duration.ofSeconds(2));
        List<String> lines = log(lab, "bondtray-watch").lines().filter(x -> x.contains("\"switchover\"")).toList();
        List<Double> sorted = latencies.stream().sorted().toList();
        List<Long> cs = cutToSignal.stream().sorted().toList();
        return new HelperFigures.Cuts(cuts, restores, lines.size(), lines.isEmpty() ? "" : lines.get(0), notices.size(),
                notices.isEmpty() ? "" : notices.get(0), lostMax, lostTotal, restoreLost, restoreMax, oldMacSent.size(),
                restoreKernelWindow, restoreOther, String.join(",", reasons), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), cs.get(cs.size() / 2), cs.get(cs.size() - 1), HelperFigures.Tcp.of(report),
                lease);
    }

    private static HelperFigures.Switching switching(HelperLaptop l) {
        HelperProcess helper = l.helper();
        Properties bond = l.bond();
        String wlan = l.wlan();
        int wireless = helper.cli(Topology.USER, "switch", "wireless").exit();
        Wait.until("wlan0 to carry the traffic", Duration.ofSeconds(30), () -> wlan.equals(active(bond)));
        String wirelessActive = active(bond);
        int auto = helper.cli(Topology.USER, "switch", "auto").exit();
        Wait.until("the faster link (the cable) to carry the traffic", Duration.ofSeconds(30),
                () -> Topology.WIRED.equals(active(bond)));
        String autoActive = active(bond);
        Cmd.Result denied = helper.cli(Topology.REFUSED_USER, "switch", "wireless");
        Wait.sleep(Duration.ofSeconds(1));
        return new HelperFigures.Switching(wireless, wirelessActive, auto, autoActive,
                HelperFigures.Said.err(denied), active(bond),
                (String) bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.PREFERENCE));
    }

    /**
     * Wi-Fi preferred, then its association is dropped and made again: carrier returns at
     * association, before the 4-way handshake. The port may carry traffic only once
     * wpa_supplicant says "completed".
     */
    private static HelperFigures.Readiness wifiReadiness(HelperLaptop l) throws Exception {
        Lab lab = l.lab();
        HelperProcess helper = l.helper();
        SwitchoverLog signals = l.signals();
        String wlan = l.wlan();
        Properties bond = l.bond();
        helper.cli(Topology.USER, "switch", "wireless");
        Wait.until("Wi-Fi to carry the traffic", Duration.ofSeconds(30), () -> wlan.equals(active(bond)));
        org.bondtray.wpa.WpaSupplicant wpa = lab.systemBus().getRemoteObject(org.bondtray.wpa.Wpa.BUS_NAME,
                org.bondtray.wpa.Wpa.PATH, org.bondtray.wpa.WpaSupplicant.class);
        org.bondtray.wpa.WpaInterface iface = lab.systemBus().getRemoteObject(org.bondtray.wpa.Wpa.BUS_NAME,
                wpa.GetInterface(wlan).getPath(), org.bondtray.wpa.WpaInterface.class);
        int before = signals.size();
        long completed = -1;
        long carried = -1;
        StringBuilder timeline = new StringBuilder();
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
        }
        List<SwitchoverLog.Entry> back = signals.since(before).stream().filter(e -> e.to().equals(wlan)).toList();
        helper.cli(Topology.USER, "switch", "auto");
        Wait.until("the cable to carry the traffic", Duration.ofSeconds(30), () -> Topology.WIRED.equals(active(bond)));
        return new HelperFigures.Readiness(timeline.toString().strip(), completed >= 0, carried >= 0,
                (carried - completed) / 1_000_000, back.isEmpty() ? "" : back.get(back.size() - 1).reason());
    }

    /** The Wi-Fi radio blocked by rfkill: the API says so, a switch to it is refused, unblocking heals. */
    private static HelperFigures.Rfkill rfkill(HelperLaptop l) {
        Lab lab = l.lab();
        Properties bond = l.bond();
        String wlan = l.wlan();
        lab.net().rfkill(0, true);
        Wait.until("wlan0 to show as blocked by rfkill", Duration.ofSeconds(30),
                () -> "rfkill".equals(portField(bond, wlan, BondProperties.PORT_ROLE_REASON)));
        String role = portField(bond, wlan, BondProperties.PORT_ROLE);
        String state = state(bond);
        String reason = (String) bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.STATE_REASON);
        Cmd.Result refused = l.helper().cli(Topology.USER, "switch", wlan);
        // Cable cut while the radio is blocked: nothing is left, and the reason says why.
        lab.net().cutCable();
        Wait.until("the bond to be down", Duration.ofSeconds(15), () -> "down".equals(state(bond)));
        String cutState = state(bond);
        String cutReason = (String) bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.STATE_REASON);
        lab.net().rfkill(0, false);
        long toActive = Wait.until("Wi-Fi to carry the traffic with nobody asking", Duration.ofSeconds(90),
                Duration.ofMillis(50), () -> wlan.equals(active(bond)));
        lab.net().restoreCable();
        long toBackup = Wait.until("wlan0 to be a working backup again", Duration.ofSeconds(90), Duration.ofMillis(50),
                () -> "backup".equals(portField(bond, wlan, BondProperties.PORT_ROLE)));
        return new HelperFigures.Rfkill(role, state, reason, HelperFigures.Said.err(refused),
                cutState, cutReason, toActive, toBackup, state(bond));
    }

    /** Setup again on the live bond, with static addresses and routes beside the DHCP lease. */
    private static HelperFigures.StaticAddressing staticAddressing(HelperLaptop l) {
        Lab lab = l.lab();
        Properties bond = l.bond();
        Cmd.Result setup = l.helper().cli(Topology.USER, "setup", "--addressing", "both", "--address", "192.168.50.250/24",
                "--address", "fd00:50::250/64", "--gateway", "192.168.50.1", "--dns", "192.168.50.1");
        Wait.until("the static addresses on the bond", Duration.ofSeconds(30), () -> {
            List<String> all = new ArrayList<>(lab.net().addresses(PlainBond.NAME, 4));
            all.addAll(lab.net().addresses(PlainBond.NAME, 6));
            return all.contains("192.168.50.250/24") && all.contains("fd00:50::250/64");
        });
        List<String> all = new ArrayList<>(lab.net().addresses(PlainBond.NAME, 4));
        all.addAll(lab.net().addresses(PlainBond.NAME, 6));
        String route = lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME).strip();
        boolean ping = lab.cmd().tryRun("ping", "-c", "3", "-i", "0.2", "-W", "2", "-I", "192.168.50.250",
                Topology.ROUTER).exit() == 0;
        return new HelperFigures.StaticAddressing(HelperFigures.Said.of(setup), String.join(" ", all), route, ping,
                state(bond), active(bond), words(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.ADDRESSES)));
    }

    private static HelperFigures.Crash crash(HelperLaptop l) throws Exception {
        Lab lab = l.lab();
        HelperProcess helper = l.helper();
        Properties bond = l.bond();
        String stateBefore = state(bond);
        String activeBefore = active(bond);
        long dhcpcd = dhcpcdPid(lab);
        TrafficProbe probe = lab.probe(20);
        Wait.sleep(Duration.ofSeconds(1));
        probe.mark("kill");
        helper.kill9();
        Wait.sleep(Duration.ofSeconds(2));
        probe.mark("restart");
        long restart = helper.start();
        Wait.sleep(Duration.ofSeconds(1));
        TrafficProbe.Report report = probe.stop();
        TrafficProbe.Window w = report.window("crash", "kill", TrafficProbe.END);
        Properties after = props(lab);
        return new HelperFigures.Crash(stateBefore, activeBefore, HelperFigures.Window.of(w), HelperFigures.Tcp.of(report),
                restart, state(after), active(after), dhcpcd > 0 && dhcpcdPid(lab) == dhcpcd);
    }

    /** Calls a desktop user could make by hand, each malformed in its own way. */
    private static HelperFigures.BadInput badInput(HelperLaptop l) throws Exception {
        Lab lab = l.lab();
        Properties bond = l.bond();
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
        List<HelperFigures.BadCall> outcomes = new ArrayList<>();
        for (Map.Entry<String, String[]> c : calls.entrySet()) {
            outcomes.add(new HelperFigures.BadCall(c.getKey(),
                    gdbusError(lab, Topology.USER, c.getValue()[0], c.getValue()[1])));
        }
        // Arguments of the wrong D-Bus types: gdbus would convert the value, so dbus-send makes these.
        Map<String, String[]> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("wrong_type", new String[] {"SetPreference", "uint32:3"});
        wrongTypes.put("wrong_type_setup", new String[] {"Setup", "string:eth0"});
        wrongTypes.put("wrong_arity", new String[] {"SwitchTo", "string:eth0", "string:wlan0"});
        for (Map.Entry<String, String[]> c : wrongTypes.entrySet()) {
            outcomes.add(new HelperFigures.BadCall(c.getKey(), dbusSendError(lab, c.getValue())));
        }
        int accepted = (int) outcomes.stream().filter(o -> o.outcome().equals("accepted")).count();
        String refused = gdbusError(lab, Topology.REFUSED_USER, "SwitchTo", "'nosuch0'");
        String notAPort = gdbusError(lab, Topology.USER, "SwitchTo", "'lo'");
        return new HelperFigures.BadInput(outcomes, refused, accepted, notAPort, busy(lab),
                l.helper().onBus(), before.equals(BondReadings.snapshot(bond)));
    }

    // ---- DHCP run by the helper ----------------------------------------------------------------

    /** The helper starts dhcpcd once the bond carries traffic; the lease and DNS show in the API. */
    private static HelperFigures.Lease helperDhcp(Lab lab, Properties bond) {
        long lease = Wait.until("a DHCPv4 lease on the bond from the helper's dhcpcd",
                Duration.ofSeconds(60), Duration.ofMillis(100), () -> !lab.net().addresses(PlainBond.NAME, 4).isEmpty());
        long lease6 = Wait.until("a DHCPv6 address on the bond", Duration.ofSeconds(60),
                Duration.ofMillis(100), () -> !lab.net().addresses(PlainBond.NAME, 6).isEmpty());
        Wait.until("the lease in the DHCP property", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> !dhcpField(bond, BondProperties.DHCP_ADDRESS).isEmpty());
        // The helper hands the servers on after it publishes the lease: allow it a moment.
        long resolvConf = Wait.untilOrTimeout(Duration.ofSeconds(15), Duration.ofMillis(100),
                () -> nameservers().contains("nameserver 192.168.50.1"));
        return new HelperFigures.Lease(lease, lease6, dhcpField(bond, BondProperties.DHCP_STATE),
                dhcpField(bond, BondProperties.DHCP_ADDRESS), dhcpField(bond, BondProperties.DHCP_SERVER),
                Long.parseLong(dhcpField(bond, BondProperties.DHCP_LEASE_TIME)),
                String.join(" ", lab.net().addresses(PlainBond.NAME, 4)),
                words(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.DNS)), resolvConf, nameservers(),
                readFile("/run/bondtray/dhcpcd-" + PlainBond.NAME + ".conf").lines()
                        .filter(x -> x.startsWith("iaid") || x.startsWith("duid")).reduce((a, b) -> a + "; " + b).orElse(""));
    }

    /** Same addresses after the cuts; dnsmasq saw renewals of one client, never a new one. */
    private static HelperFigures.LeaseKept leaseKept(Lab lab, List<String> v4Before, List<String> v6Before, String log) {
        // dnsmasq keeps one line per lease: the helper's client id (ff, IAID, DUID; RFC 4361) has one.
        String iaid = readFile("/run/bondtray/dhcpcd-" + PlainBond.NAME + ".conf").lines()
                .filter(x -> x.startsWith("iaid ")).map(x -> x.substring(5).strip()).findFirst().orElse("0");
        String prefix = String.format("ff:%s", hexColon(Long.parseLong(iaid)));
        List<String> leases = readFile("/run/dnsmasq-" + Topology.LAN_NS + ".leases").lines()
                .filter(x -> x.contains(" " + prefix)).toList();
        return new HelperFigures.LeaseKept(String.join(" ", v4Before), String.join(" ", v6Before),
                String.join(" ", lab.net().addresses(PlainBond.NAME, 4)),
                String.join(" ", lab.net().addresses(PlainBond.NAME, 6)), count(log, "DHCPDISCOVER"),
                count(log, "DHCPNAK"), count(log, "DHCPREQUEST"), count(log, "DHCPACK"), count(log, "DHCPRELEASE"),
                leases.size(), prefix);
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
    private static HelperFigures.HostileDomain hostileDomainName(HelperLaptop l) {
        Lab lab = l.lab();
        Properties bond = l.bond();
        int journalFrom = HelperProcess.log(lab.cmd()).length();
        try {
            var restart = new java.util.concurrent.atomic.AtomicReference<HelperFigures.DhcpcdRestart>();
            long dropped = hostileLeaseTaken(lab, Duration.ofSeconds(30), () -> restart.set(dhcpcdDies(lab, bond)));
            String said = HelperProcess.log(lab.cmd()).substring(journalFrom).lines()
                    .filter(x -> x.contains(DROPPED_DOMAIN)).findFirst().orElse("");
            String conf = readFile("/etc/resolv.conf");
            return new HelperFigures.HostileDomain(dropped, said.strip(), conf.strip().replace('\n', '|'),
                    conf.contains("203.0.113.5") || conf.contains("trust-ad"),
                    words(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.DNS)), restart.get());
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
    private static HelperFigures.DhcpcdRestart dhcpcdDies(Lab lab, Properties bond) {
        long pid = dhcpcdPid(lab);
        String before = String.join(" ", lab.net().addresses(PlainBond.NAME, 4));
        lab.cmd().run("kill", "-9", Long.toString(pid));
        long restart = Wait.until("the helper to start dhcpcd again", Duration.ofSeconds(30),
                Duration.ofMillis(50), () -> dhcpcdPid(lab) > 0 && dhcpcdPid(lab) != pid);
        boolean kept = before.equals(String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
        // The pid file appears before the helper has seen its child start: allow it a moment.
        long running = Wait.untilOrTimeout(Duration.ofSeconds(15), Duration.ofMillis(50),
                () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE)));
        return new HelperFigures.DhcpcdRestart(pid, restart, kept, running, dhcpField(bond, BondProperties.DHCP_STATE));
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
    private static HelperFigures.Busy busy(Lab lab) throws Exception {
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
        return new HelperFigures.Busy(outcomes, attempt);
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

    private static HelperFigures.Disable disable(HelperLaptop l) {
        Lab lab = l.lab();
        String wlan = l.wlan();
        int dnsmasqFrom = dnsmasqLog(lab).length();
        Cmd.Result d = l.helper().cli(Topology.USER, "disable");
        Wait.sleep(Duration.ofSeconds(1));
        String after = dnsmasqLog(lab).substring(dnsmasqFrom);
        boolean released = after.contains("DHCPRELEASE");
        boolean dhcpcdRunning = dhcpcdPid(lab) > 0;
        boolean restored = !readFile("/etc/resolv.conf").contains("bondtray-helper");
        boolean bondExists = lab.cmd().tryRun("ip", "link", "show", PlainBond.NAME).exit() == 0;
        String eth0 = lab.cmd().run("ip", "-o", "link", "show", Topology.WIRED).strip();
        String wlan0 = lab.cmd().run("ip", "-o", "link", "show", wlan).strip();
        // Given back as it was: wpa_supplicant still manages it and associates again by itself.
        long completed = lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60));
        return new HelperFigures.Disable(HelperFigures.Said.of(d), released, dhcpcdRunning, restored, bondExists, eth0,
                wlan0, completed, lab.cmd().run("cat", "/sys/class/net/" + wlan + "/carrier").strip());
    }
}
