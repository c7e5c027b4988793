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
    private final HelperProcess helper;
    private final Properties bond;
    private final SwitchoverLog signals;
    private final String wlan;

    RealWorldSteps(HelperLaptop laptop) {
        this.lab = laptop.lab();
        this.helper = laptop.helper();
        this.bond = laptop.bond();
        this.signals = laptop.signals();
        this.wlan = laptop.wlan();
    }

    /**
     * The same-network check: the bridged access point is the wire's network; the cafe's is not,
     * and the API says so while the cable still carries everything; back on the bridged one it
     * is the same network again.
     */
    HelperFigures.SameNetwork sameNetwork() throws Exception {
        long sameMs = Wait.until("the Network property to say same-network", Duration.ofSeconds(60),
                () -> "same-network".equals(network(bond)));
        String bridged = network(bond);
        lab.wifi().connect(wlan, AccessPoint.CAFE);
        long cafeSsidMs = Wait.until("the helper to see " + wlan + " on the cafe network",
                Duration.ofSeconds(60), () -> AccessPoint.CAFE.ssid().equals(ssid(bond, wlan)));
        long differentMs = Wait.until("the Network property to say different-network",
                Duration.ofSeconds(60), () -> "different-network".equals(network(bond)));
        String cafe = network(bond);
        String cafeActive = active(bond);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        long backMs = Wait.until("the Network property to say same-network again", Duration.ofSeconds(60),
                () -> "same-network".equals(network(bond)));
        String back = network(bond);
        String heard = HelperProcess.log(lab.cmd()).lines().filter(l -> l.contains("as heard through each port"))
                .reduce((a, b) -> a + " | " + b).orElse("");
        Wait.until(wlan + " to be a working backup again", Duration.ofSeconds(60),
                () -> "backup".equals(portField(bond, wlan, BondProperties.PORT_ROLE)));
        return new HelperFigures.SameNetwork(sameMs, bridged, cafeSsidMs, differentMs, cafe, cafeActive, backMs, back,
                heard);
    }

    /**
     * Routes and their metric from the configuration, on static and DHCP routes alike; then the
     * DHCP server falls silent and the bond takes the fallback address, and leaves it again for a
     * lease once the server answers and the fallback is removed.
     */
    HelperFigures.Routes routesAndFallback() {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--addressing", "dhcp", "--metric", "300",
                "--route", "10.99.0.0/16 via " + Topology.ROUTER);
        long routeMs = Wait.until("the configured route with metric 300", Duration.ofSeconds(30),
                () -> lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").contains("metric 300"));
        long dhcpDefaultMs = Wait.until("dhcpcd's default route with metric 300", Duration.ofSeconds(60),
                () -> lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME, "proto", "dhcp")
                        .contains("metric 300"));
        // dhcpcd's rebind for the new metric takes the lease down and up again, and with it the
        // routes through its gateway; the helper puts the configured one back.
        long routeBackMs = Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").contains("metric 300"));
        String route = lab.cmd().run("ip", "-4", "route", "show", "10.99.0.0/16").strip();
        String defaultRoute = lab.cmd().run("ip", "-4", "route", "show", "default", "dev", PlainBond.NAME).strip()
                .replace('\n', ';');
        String config = readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf").lines()
                .filter(l -> l.startsWith("routes") || l.startsWith("route_metric")).reduce((a, b) -> a + "; " + b)
                .orElse("");

        String fallback = "192.168.50.249/24";
        Cmd.Result fb;
        long addressMs;
        String state;
        String addresses;
        boolean ping;
        lab.net().dhcpServerAnswers(false);
        try {
            long t0 = System.nanoTime();
            fb = helper.cli(Topology.USER, "setup", "--fallback", fallback, "--gateway", Topology.ROUTER);
            Wait.until("the fallback address with the DHCP server silent", Duration.ofSeconds(90),
                    () -> lab.net().addresses(PlainBond.NAME, 4).contains(fallback));
            addressMs = (System.nanoTime() - t0) / 1_000_000;
            Wait.until("the DHCP property to say fallback", Duration.ofSeconds(30),
                    () -> "fallback".equals(dhcpField(bond, BondProperties.DHCP_STATE)));
            state = dhcpField(bond, BondProperties.DHCP_STATE);
            addresses = String.join(" ", lab.net().addresses(PlainBond.NAME, 4));
            ping = lab.cmd().tryRun("ping", "-c", "3", "-i", "0.2", "-W", "2", "-I", "192.168.50.249",
                    Topology.ROUTER).exit() == 0;
        } finally {
            lab.net().dhcpServerAnswers(true);
        }
        long t1 = System.nanoTime();
        Cmd.Result off = helper.cli(Topology.USER, "setup", "--fallback", "");
        Wait.until("a DHCP lease again", Duration.ofSeconds(90),
                () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE))
                        && !String.valueOf(dhcpField(bond, BondProperties.DHCP_ADDRESS)).isEmpty()
                        && !lab.net().addresses(PlainBond.NAME, 4).contains(fallback));
        return new HelperFigures.Routes(HelperFigures.Said.of(setup), routeMs, dhcpDefaultMs, routeBackMs, route,
                defaultRoute, config, HelperFigures.Said.of(fb), addressMs, state, addresses, ping, off.exit(),
                (System.nanoTime() - t1) / 1_000_000, String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
    }

    /**
     * Safe changes: a configuration that costs the machine its gateway (a static address on a
     * network that is not there) is rolled back by the helper itself when its probation ends; a
     * good one confirmed is kept; confirming with nothing on probation is refused.
     */
    HelperFigures.Rollback rollback() throws Exception {
        List<String> rolled = Collections.synchronizedList(new ArrayList<>());
        long callMs;
        Cmd.Result bad;
        boolean deadlineSet;
        boolean badApplied;
        long signalMs;
        long restoredMs;
        try (AutoCloseable sub = rollbacksInto(rolled)) {
            long t0 = System.nanoTime();
            bad = helper.cli(Topology.USER, "setup", "--addressing", "static", "--address", "10.66.0.5/24",
                    "--gateway", "10.66.0.1", "--confirm-timeout", "10");
            // The call returns once the change is applied: its probation runs from here. Before, the
            // command line's start and the password dialog (10-18 s under the lab's emulation).
            long applied = System.nanoTime();
            callMs = (applied - t0) / 1_000_000;
            deadlineSet = confirmDeadline() > 0;
            badApplied = lab.net().addresses(PlainBond.NAME, 4).contains("10.66.0.5/24");
            Wait.until("the RolledBack signal", Duration.ofSeconds(60), () -> !rolled.isEmpty());
            signalMs = (System.nanoTime() - applied) / 1_000_000;
            Wait.until("a DHCP lease and no trace of the bad change", Duration.ofSeconds(90),
                    () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE))
                            && !dhcpField(bond, BondProperties.DHCP_ADDRESS).isEmpty()
                            && !lab.net().addresses(PlainBond.NAME, 4).contains("10.66.0.5/24")
                            && lab.net().addresses(PlainBond.NAME, 4).stream().anyMatch(a -> a.startsWith("192.168.50.")));
            restoredMs = (System.nanoTime() - t0) / 1_000_000;
        }
        String addressesAfter = String.join(" ", lab.net().addresses(PlainBond.NAME, 4));
        String defaultAfter = lab.cmd().run("ip", "-4", "route", "show", "default").strip().replace('\n', ';');
        String configAfter = readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf").lines()
                .filter(l -> l.startsWith("addressing")).findFirst().orElse("");
        long deadlineAfter = confirmDeadline();
        boolean pingAfter = lab.cmd().tryRun("ping", "-c", "3", "-i", "0.2", "-W", "2", Topology.ROUTER).exit() == 0;
        Cmd.Result good = helper.cli(Topology.USER, "setup", "--confirm-timeout", "600");
        boolean confirmDeadlineSet = confirmDeadline() > 0;
        Cmd.Result confirm = helper.cli(Topology.USER, "confirm");
        long confirmDeadlineAfter = confirmDeadline();
        Cmd.Result again = helper.cli(Topology.USER, "confirm");
        return new HelperFigures.Rollback(callMs, HelperFigures.Said.of(bad), deadlineSet, badApplied, signalMs,
                rolled.get(0), restoredMs, addressesAfter, defaultAfter, configAfter, deadlineAfter, pingAfter,
                good.exit(), confirmDeadlineSet, confirm.exit(), confirmDeadlineAfter,
                HelperFigures.Said.err(again));
    }

    /**
     * A good change whose verdict lands in a switchover: the cable is pulled a second before the
     * deadline, and with a DownDelay of 2 s the bond keeps sending through the dead cable past
     * the deadline before it moves to the Wi-Fi and takes the Wi-Fi's MAC. The first questions to
     * the gateway go nowhere; the change must be kept all the same. (A second of lead, since
     * forking the cut takes up to half of one under emulation.) Then the cable comes back and the
     * defaults are set again, with no probation.
     */
    HelperFigures.Verdict verdictDuringSwitchover() throws Exception {
        List<String> rolled = Collections.synchronizedList(new ArrayList<>());
        Cmd.Result setup;
        long deadlineInMs;
        long cutBeforeDeadlineMs;
        long onWifiAfterDeadlineMs;
        long decidedAfterDeadlineMs;
        boolean kept;
        try (AutoCloseable sub = rollbacksInto(rolled)) {
            setup = helper.cli(Topology.USER, "setup", "--downdelay", "2000", "--confirm-timeout", "15");
            Wait.until("the cable to carry the bond", Duration.ofSeconds(60), () -> Topology.WIRED.equals(active(bond)));
            long deadlineMs = confirmDeadline() / 1000;
            deadlineInMs = deadlineMs - System.currentTimeMillis();
            int logFrom = HelperProcess.log(lab.cmd()).length();
            int since = signals.size();
            Wait.sleep(Duration.ofMillis(Math.max(0, deadlineMs - 1000 - System.currentTimeMillis())));
            lab.net().cutCable();
            cutBeforeDeadlineMs = deadlineMs - System.currentTimeMillis();
            signals.await(wlan, since, Duration.ofSeconds(30));
            onWifiAfterDeadlineMs = System.currentTimeMillis() - deadlineMs;
            Wait.until("the helper's verdict", Duration.ofSeconds(60), () -> {
                String l = HelperProcess.log(lab.cmd()).substring(logFrom);
                return l.contains("after the change: it is kept") || l.contains("rolling back:");
            });
            decidedAfterDeadlineMs = System.currentTimeMillis() - deadlineMs;
            kept = HelperProcess.log(lab.cmd()).substring(logFrom).contains("after the change: it is kept");
            // A rollback would say so at once; give its signal time to arrive before counting.
            Wait.sleep(Duration.ofSeconds(2));
        }
        long deadlineAfter = confirmDeadline();
        String downdelay = readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf").lines()
                .filter(l -> l.startsWith("downdelay")).findFirst().orElse("");
        String portsAfter = String.join(" ", new TreeSet<>(ports(lab)));
        int back = signals.size();
        lab.net().restoreCable();
        signals.await(Topology.WIRED, back, Duration.ofSeconds(30));
        Cmd.Result defaults = helper.cli(Topology.USER, "setup", "--confirm-timeout", "0");
        return new HelperFigures.Verdict(HelperFigures.Said.of(setup), deadlineInMs, cutBeforeDeadlineMs,
                onWifiAfterDeadlineMs, decidedAfterDeadlineMs, kept, String.join(" | ", rolled), deadlineAfter, downdelay,
                portsAfter, defaults.exit());
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
    HelperFigures.Hotplug hotplug() throws Exception {
        Cmd.Result setup = helper.cli(Topology.USER, "setup", "--port", "eth*", "--port", "wlan*");
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
        long wiredJoined = Wait.until("eth1 to join the bond", Duration.ofSeconds(30),
                Duration.ofMillis(20), () -> ports(lab).contains("eth1"));
        long wiredBackup = Wait.until("eth1 to be a working backup", Duration.ofSeconds(30),
                () -> "backup".equals(portField(bond, "eth1", BondProperties.PORT_ROLE)));
        lab.net().unplugRadio(0);
        long wifiDropped = Wait.until(wlan + " to leave the bond", Duration.ofSeconds(30),
                Duration.ofMillis(20), () -> !ports(lab).contains(wlan));
        Wait.until(wlan + " to leave the API's ports", Duration.ofSeconds(30),
                () -> portField(bond, wlan, BondProperties.PORT_ROLE).isEmpty());
        String unpluggedState = state(bond);
        String unpluggedPorts = String.join(" ", new TreeSet<>(ports(lab)));
        String back = lab.net().plugRadio(0);
        long plugged = System.nanoTime();
        Wait.until(back + " to join the bond again", Duration.ofSeconds(120), Duration.ofMillis(20),
                () -> ports(lab).contains(back));
        long wifiJoined = (System.nanoTime() - plugged) / 1_000_000;
        Wait.until(back + " to be a working backup again", Duration.ofSeconds(120),
                () -> "backup".equals(portField(bond, back, BondProperties.PORT_ROLE)));
        long wifiBackup = (System.nanoTime() - plugged) / 1_000_000;
        probe.mark("unplug");
        lab.net().unplugWired("eth1");
        long wiredDropped = Wait.until("eth1 to leave the bond", Duration.ofSeconds(30),
                Duration.ofMillis(20), () -> !ports(lab).contains("eth1"));
        Wait.until("the API to show eth1 gone", Duration.ofSeconds(30),
                () -> portField(bond, "eth1", BondProperties.PORT_ROLE).isEmpty());
        Wait.sleep(Duration.ofSeconds(1));
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        String helperLog = HelperProcess.log(lab.cmd()).substring(helperLogFrom);
        return new HelperFigures.Hotplug(HelperFigures.Said.of(setup), wiredJoined, wiredBackup, wifiDropped,
                unpluggedState, unpluggedPorts, back, wifiJoined, wifiBackup, wiredDropped,
                HelperFigures.Window.of(report.window("hotplug", "plug", "done")), HelperFigures.Tcp.of(report),
                signals.size() - signalsBefore, active(bond), state(bond), String.join(" ", new TreeSet<>(ports(lab))),
                helperLog.contains("handed " + back + " to wpa_supplicant"),
                helperLog.lines().filter(l -> l.contains(" joined ")).reduce((a, b) -> a + "; " + b).orElse(""));
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
    HelperFigures.SlowAir slowAir() throws Exception {
        lab.net().slowAir(AccessPoint.LAN_WPA2, CableDrill.SLOW_AIR);
        TrafficProbe.Report report;
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
            report = probe.stop();
        } finally {
            lab.net().slowAir(AccessPoint.LAN_WPA2, Duration.ZERO);
        }
        // The window shuts by itself once the switch is past.
        long shut = Wait.until("the standby port to stop delivering", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> readFile("/sys/class/net/" + PlainBond.NAME + "/bonding/all_slaves_active").strip().equals("0"));
        return new HelperFigures.SlowAir(CableDrill.SLOW_AIR.toMillis(),
                HelperFigures.Window.of(report.window("restore", "restore", TrafficProbe.END)),
                report.lostAt("restore", TrafficProbe.END).toString(), HelperFigures.Tcp.of(report), shut);
    }

    HelperFigures.Flapping flapping() throws Exception {
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
            long burstMs = (System.nanoTime() - t0) / 1_000_000;
            int propertiesChanged = changes.get() - changesBefore;
            probe.mark("settled");
            long settle = Wait.until("the cable to carry the traffic after the burst", Duration.ofSeconds(30),
                    () -> Topology.WIRED.equals(active(bond)) && "up".equals(state(bond)));
            Wait.sleep(Duration.ofSeconds(3));
            probe.mark("after");
            Wait.sleep(Duration.ofSeconds(2));
            probe.mark("done");
            TrafficProbe.Report report = probe.stop();
            // Which ones, so that a count over the goal says what moved and why.
            String list = signals.since(signalsBefore).stream().map(e -> e.from() + ">" + e.to() + " " + e.reason())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            int switchovers = signals.size() - signalsBefore;
            Wait.sleep(Duration.ofSeconds(2));
            return new HelperFigures.Flapping(toggles, burstMs, propertiesChanged, settle, switchovers, list,
                    HelperFigures.Window.of(report.window("flap", "flap", "settled")),
                    HelperFigures.Window.of(report.window("after", "after", "done")), HelperFigures.Tcp.of(report),
                    rssBefore, helper.rssKb(), threadsBefore, helper.threads(), state(bond), active(bond));
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
    HelperFigures.TwoWifi twoWifi() throws Exception {
        String second = lab.net().plugRadio(SPARE_RADIO);
        try {
            // Refused before anything is touched: an adapter that knows no network cannot work.
            lab.wifi().manage(second);
            Cmd.Result refused = helper.cli(Topology.USER, "setup", "--port", wlan, "--port", second);
            boolean bondExists = lab.cmd().tryRun("ip", "link", "show", PlainBond.NAME).exit() == 0;
            lab.wifi().connect(second, AccessPoint.LAN_WPA3);
            lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60));
            Cmd.Result setup = helper.cli(Topology.USER, "setup", "--port", wlan, "--port", second, "--addressing",
                    "static", "--address", TWO_WIFI_ADDRESS + "/24", "--gateway", Topology.ROUTER);
            long upMs = Wait.until("both Wi-Fi adapters carrying or ready to", Duration.ofSeconds(90),
                    () -> "up".equals(state(bond)));
            String first = active(bond);
            String other = first.equals(wlan) ? second : wlan;
            AccessPoint away = first.equals(wlan) ? AccessPoint.LAN_WPA2 : AccessPoint.LAN_WPA3;
            TrafficProbe probe = lab.probe(20);
            Wait.sleep(Duration.ofSeconds(2));
            probe.mark("away");
            lab.net().stopAp(away);
            long switchMs = Wait.until("traffic on " + other, Duration.ofSeconds(30), Duration.ofMillis(10),
                    () -> other.equals(active(bond)));
            Wait.sleep(Duration.ofSeconds(2));
            // What each layer believes after the switch, for when the traffic does not follow.
            String diagnosis = String.join("\n", lab.cmd().tryRun("ip", "-br", "link").out(),
                    readFile("/proc/net/bonding/" + PlainBond.NAME),
                    lab.cmd().tryRun("ip", "neigh", "show", "dev", PlainBond.NAME).out(),
                    lab.cmd().tryRun("ip", "-s", "link", "show", other).out(),
                    lab.cmd().tryRun(Cmd.inNetns(Topology.LAN_NS, "ip", "neigh")).out(),
                    lab.cmd().tryRun(Cmd.inNetns(Topology.LAN_NS, "bridge", "fdb", "show", "br", Topology.LAN_BRIDGE)).out());
            Wait.sleep(Duration.ofSeconds(1));
            probe.mark("done");
            TrafficProbe.Report report = probe.stop();
            String activeAfter = active(bond);
            String stateAfter = state(bond);
            String addressAfter = String.join(" ", lab.net().addresses(PlainBond.NAME, 4));
            lab.net().startAp(away);
            long backMs = Wait.until(first + " to be a working backup again", Duration.ofSeconds(90),
                    () -> "backup".equals(portField(bond, first, BondProperties.PORT_ROLE)));
            Cmd.Result off = helper.cli(Topology.USER, "disable");
            return new HelperFigures.TwoWifi(second, HelperFigures.Said.err(refused),
                    bondExists, HelperFigures.Said.of(setup), upMs, first, away.ssid(), switchMs, diagnosis,
                    HelperFigures.Window.of(report.window("two_wifi", "away", "done")), HelperFigures.Tcp.of(report),
                    activeAfter, stateAfter, addressAfter, backMs, off.exit());
        } finally {
            lab.wifi().release(second);
            lab.net().unplugRadio(SPARE_RADIO);
        }
    }
}
