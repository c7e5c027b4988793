package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.WindowHands.networks;
import static org.bondtray.lab.guest.WindowHands.press;
import static org.bondtray.lab.guest.WindowHands.select;
import static org.bondtray.lab.guest.WindowHands.type;
import static org.bondtray.lab.guest.WindowHands.waitForMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.stage.Stage;

import org.bondtray.testing.VirtualDesktop;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;

/**
 * The README's demo, told as it happens: the helper and the tray start on a virtual desktop,
 * the Wi-Fi picker scans and joins the LAN's network, the desktop user sets the bond up, the
 * cable is cut and restored under traffic, and the status window sums it up. Screenshots of the
 * tray's menu, the picker, the notifications and the status window land next to the timeline.
 */
final class DemoDrill implements Scenario {
    /** Where the timeline and the screenshots go, under the lab's results folder. */
    static final String FOLDER = "demo";
    static final String TIMELINE = "timeline.txt";
    private static final int TCP_CONNECTIONS = 50;

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Path dir = lab.cmd().logDir().getParent().resolve(FOLDER);
        Timeline t = new Timeline(dir.resolve(TIMELINE));
        String wlan = lab.net().wifiInterface(0);
        t.say("the laptop: %s (cable, plugged in) and %s (Wi-Fi, idle) are plain interfaces; no bond", Topology.WIRED, wlan);
        lab.wifi().manage(wlan);
        HelperProcess helper = new HelperProcess(lab.cmd());
        WindowHands.headless();
        Path home = Path.of("/run/bondtray-demo");
        Files.createDirectories(home);
        try (SwitchoverLog signals = new SwitchoverLog(lab.systemBus());
             VirtualDesktop desktop = new VirtualDesktop(home)) {
            t.say("bondtray-helper on the system bus, %d ms after its start", helper.start());
            DBusConnection session = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            DBusConnection panel = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            try (TrayApp tray = new TrayApp(session, lab.systemBus(), lab.control().project().resolve("icons"),
                    new Texts(Locale.ENGLISH), () -> { })) {
                WindowHands hands = new WindowHands(tray, session, panel);
                long t0 = System.nanoTime();
                tray.start();
                Wait.until("the tray to register with the panel", Duration.ofSeconds(60), Duration.ofMillis(10),
                        () -> tray.registeredNanos() > 0);
                t.say("tray icon in xfce4-panel on the virtual display (%d ms): \"%s\"",
                        (tray.registeredNanos() - t0) / 1_000_000, tray.item().look().toolTip().lines().findFirst().orElse(""));
                int[] icon = findIcon(desktop, dir.resolve("1-tray-menu.png"));

                joinWifi(hands, lab, wlan, dir, t);
                setUp(lab, helper, tray, t);
                menuShot(tray, desktop, icon, dir.resolve("1-tray-menu.png"), t);
                cutAndRestore(lab, signals, tray, desktop, dir, wlan, t);

                Stage status = hands.open(TrayMenuModel.Action.OPEN_STATUS);
                Wait.until("the status window to show the bond", WindowHands.UI,
                        () -> WindowHands.text(status, "state").equals("up"));
                Wait.sleep(Duration.ofSeconds(1));
                WindowHands.shot(status, dir.resolve("6-status.png"));
                t.say("status window: %s, %s, switchovers listed with reason and outage",
                        WindowHands.text(status, "state"), WindowHands.text(status, "address"));
            } finally {
                panel.disconnect();
                session.disconnect();
            }
            Cmd.Result off = helper.cli(Topology.USER, "disable");
            t.say("bondtray disable: %s", (off.out() + off.err()).strip());
        } finally {
            helper.stop();
        }
        t.say("done: screenshots in the folder above");
        r.put("demo.done", true);
    }

    /** Where the panel draws the icon: found by its "not set up" tile, the look it starts with. */
    private static int[] findIcon(VirtualDesktop desktop, Path png) throws Exception {
        int[] icon = new int[3];
        VirtualDesktop.waitFor("the icon on the panel", () -> {
            int[] at = VirtualDesktop.findInPanel(desktop.screenshot(png), VirtualDesktop.UNAVAILABLE_TILE);
            System.arraycopy(at, 0, icon, 0, 3);
            return at[2] >= 40;
        });
        return icon;
    }

    /** Clicks the icon on the panel, as a user would, and photographs the menu it opens. */
    private void menuShot(TrayApp tray, VirtualDesktop desktop, int[] icon, Path png, Timeline t) throws Exception {
        int before = tray.menu().shownCount();
        desktop.run("xdotool", "mousemove", String.valueOf(icon[0]), String.valueOf(icon[1]), "click", "1");
        VirtualDesktop.waitFor("the panel to open the menu", () -> tray.menu().shownCount() > before);
        Wait.sleep(Duration.ofMillis(700));
        desktop.screenshot(png);
        desktop.run("xdotool", "key", "Escape");
        t.say("clicked the icon: the panel shows Bondtray's menu (%s)", png.getFileName());
    }

    private void joinWifi(WindowHands hands, Lab lab, String wlan, Path dir, Timeline t) throws Exception {
        Stage picker = hands.open(TrayMenuModel.Action.OPEN_WIFI);
        Wait.until("the picker's fresh scan", WindowHands.UI, Duration.ofMillis(20),
                () -> hands.windows().picker().timings()[2] > 0);
        long[] times = hands.windows().picker().timings();
        Wait.sleep(Duration.ofMillis(300));
        List<String> rows = networks(picker);
        t.say("Wi-Fi networks… : a fresh scan shows %d networks in %d ms: %s", rows.size(),
                (times[2] - times[0]) / 1_000_000, String.join(", ", rows));
        WindowHands.shot(picker, dir.resolve("2-wifi-picker.png"));
        select(picker, AccessPoint.LAN_WPA2.ssid());
        type(picker, "password", AccessPoint.LAN_WPA2.passphrase());
        long t0 = System.nanoTime();
        press(picker, "connect");
        String joined = waitForMessage(picker, "Connected to");
        t.say("picked %s and typed its password: \"%s\" in %d ms", AccessPoint.LAN_WPA2.ssid(), joined,
                (System.nanoTime() - t0) / 1_000_000);
        Wait.until("the network in use in the picker", WindowHands.UI,
                () -> networks(picker).contains(AccessPoint.LAN_WPA2.ssid() + "*"));
        WindowHands.shot(picker, dir.resolve("3-wifi-joined.png"));
        WindowHands.hide(picker);
        lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60));
    }

    private void setUp(Lab lab, HelperProcess helper, TrayApp tray, Timeline t) {
        long t0 = System.nanoTime();
        Cmd.Result setup = helper.cli(Topology.USER, "setup");
        t.say("bondtray setup (as the desktop user; polkit's agent asked for the administrator's password): %s", (setup.out() + setup.err()).strip());
        Wait.until("a DHCP address on the bond", Duration.ofSeconds(90),
                () -> lab.net().addresses(PlainBond.NAME, 4).stream().anyMatch(a -> a.startsWith("192.168.50.")));
        Wait.until("the tray to show the bond up", Duration.ofSeconds(30), () -> "up".equals(tray.snapshot().state()));
        t.say("bond0 up in %d ms: the cable carries the traffic, Wi-Fi stands by, address %s (DHCP)",
                (System.nanoTime() - t0) / 1_000_000, String.join(" ", lab.net().addresses(PlainBond.NAME, 4)));
    }

    private void cutAndRestore(Lab lab, SwitchoverLog signals, TrayApp tray, VirtualDesktop desktop, Path dir,
                               String wlan, Timeline t) throws Exception {
        List<String> address = lab.net().addresses(PlainBond.NAME, 4);
        TrafficProbe probe = lab.probe(TCP_CONNECTIONS);
        t.say("traffic: a ping every %d ms and %d TCP connections to the LAN's server", TrafficProbe.INTERVAL_MS,
                TCP_CONNECTIONS);
        Wait.sleep(Duration.ofSeconds(2));

        oneSwitch(lab, signals, tray, probe, t, address, "cut", () -> lab.net().cutCable(), wlan,
                "CABLE UNPLUGGED -> traffic on Wi-Fi (%s)");
        desktop.screenshot(dir.resolve("4-notification-cut.png"));
        Wait.sleep(Duration.ofSeconds(3));
        oneSwitch(lab, signals, tray, probe, t, address, "restore", () -> lab.net().restoreCable(), Topology.WIRED,
                "CABLE PLUGGED IN -> back on the cable (%s)");
        desktop.screenshot(dir.resolve("5-notification-restore.png"));
        Wait.sleep(Duration.ofSeconds(3));
        probe.mark("done");
        TrafficProbe.Report report = probe.stop();
        TrafficProbe.Window c = report.window("cut", "cut", "restore");
        TrafficProbe.Window b = report.window("restore", "restore", "done");
        t.say("pings: cut lost %d of %d (longest gap %d ms), restore lost %d of %d (longest gap %d ms)", c.lost(), c.sent(),
                c.longestGapMs(), b.lost(), b.sent(), b.longestGapMs());
        t.say("connections kept: %d of %d TCP connections open through both switches (longest stall %d ms)",
                report.tcp().survived(), report.tcp().connections(), report.tcp().longestStallMs());
    }

    /**
     * Marks {@code mark} on the probe, does {@code action}, waits for the switch to {@code to} and
     * its notification, and tells it: the outage, whether the address stayed, the notification.
     */
    private static void oneSwitch(Lab lab, SwitchoverLog signals, TrayApp tray, TrafficProbe probe, Timeline t,
                                  List<String> address, String mark, Runnable action, String to, String headline)
            throws InterruptedException {
        int before = signals.size();
        long shown = tray.notifier().lastShownNanos();
        probe.mark(mark);
        action.run();
        SwitchoverLog.Entry e = signals.await(to, before, Duration.ofSeconds(15));
        Wait.until("the notification of the " + mark, Duration.ofSeconds(15), () -> tray.notifier().lastShownNanos() != shown);
        List<String> now = lab.net().addresses(PlainBond.NAME, 4);
        t.say(headline + " after %d ms; address %s %s; notification \"%s\"", e.to(), e.outageMs(), String.join(" ", now),
                address.equals(now) ? "kept" : "CHANGED", tray.notifier().lastSummary());
        Wait.sleep(Duration.ofMillis(500));
    }

}
