package org.bondtray.lab.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.stage.Stage;

import org.bondtray.testing.VirtualDesktop;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.sni.SniNames;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The benchmark's figures only Bondtray has, on a desktop (Xvfb, xfce4-panel's tray, dunst) with
 * the helper running and the bond up: what the helper and the tray cost while nothing happens,
 * how long the tray takes to show its icon, the Wi-Fi picker's lists, and how long a switchover
 * takes from the kernel's event to the Switchover signal and on to the notification on screen.
 */
final class DesktopFigures {
    static final Duration IDLE = Duration.ofSeconds(60);
    /** After its icon shows, the tray still loads and compiles; idle starts when that is done. */
    private static final Duration TRAY_SETTLE = Duration.ofSeconds(15);

    private final Lab lab;
    private final Results r;
    private final HelperProcess helper;
    private final String prefix;

    DesktopFigures(Lab lab, Results r, HelperProcess helper, String prefix) {
        this.lab = lab;
        this.r = r;
        this.helper = helper;
        this.prefix = prefix;
    }

    void run(int pickerOpens, int switchovers, String wlan) throws Exception {
        WindowHands.headless();
        Path home = Path.of("/run/bondtray-bench-desktop");
        Files.createDirectories(home);
        try (VirtualDesktop desktop = new VirtualDesktop(home)) {
            DBusConnection session = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            DBusConnection panel = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            try {
                Properties watcher = panel.getRemoteObject(SniNames.WATCHER_NAME, SniNames.WATCHER_PATH, Properties.class);
                VirtualDesktop.waitFor("the panel's StatusNotifierWatcher", Duration.ofSeconds(60),
                        () -> VirtualDesktop.trayItemOwners(watcher) != null);
                r.guarded(prefix + ".idle", () -> trayProcess(desktop, watcher));
                r.guarded(prefix + ".picker", () -> inProcessTray(session, panel, pickerOpens, switchovers, wlan));
            } finally {
                panel.disconnect();
                session.disconnect();
            }
        }
    }

    /**
     * The tray as a user runs it, its own JVM with the launcher's options: start to icon
     * registered, then a minute of nothing for it and the helper.
     */
    private void trayProcess(VirtualDesktop desktop, Properties watcher) throws Exception {
        List<String> argv = new ArrayList<>(List.of(lab.control().javaCommand("org.bondtray.cli.Cli", "tray")));
        argv.add(1, "-Dbondtray.icons=" + lab.control().project().resolve("icons"));
        long t0 = System.nanoTime();
        Process tray = desktop.launch(lab.cmd().logDir().resolve("bench-tray.log"), java.util.Map.of(),
                argv.toArray(String[]::new));
        try {
            VirtualDesktop.waitFor("the tray's icon", Duration.ofSeconds(120),
                    () -> !VirtualDesktop.trayItemOwners(watcher).isEmpty());
            r.put(prefix + ".tray_start_ms", (System.nanoTime() - t0) / 1_000_000);
            Wait.sleep(TRAY_SETTLE);
            // wpa_supplicant, a daemon in C that runs on every laptop, in the same minute, for reference.
            long wpa = Long.parseLong(lab.cmd().run("pidof", "-s", "wpa_supplicant").strip());
            ProcSample helperBefore = helper.sample();
            ProcSample trayBefore = ProcSample.of(tray.pid());
            ProcSample wpaBefore = ProcSample.of(wpa);
            Wait.sleep(IDLE);
            ProcSample helperAfter = helper.sample();
            ProcSample trayAfter = ProcSample.of(tray.pid());
            r.put(prefix + ".idle.seconds", IDLE.toSeconds());
            idle(r, prefix + ".idle.helper", helperBefore, helperAfter);
            idle(r, prefix + ".idle.tray", trayBefore, trayAfter);
            idle(r, "reference.idle.wpa_supplicant", wpaBefore, ProcSample.of(wpa));
        } finally {
            tray.destroy();
            tray.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** What a process cost between two looks, under {@code p}: its memory, CPU, wakeups and threads. */
    static void idle(Results r, String p, ProcSample before, ProcSample after) {
        r.put(p + ".rss_kb", after.rssKb()).put(p + ".cpu_s", String.format(Locale.ROOT, "%.2f", after.cpuSecondsSince(before)))
                .put(p + ".wakeups", after.contextSwitchesSince(before)).put(p + ".threads", after.threads());
    }

    /**
     * The tray's code in this JVM, so its own clocks can be read: the picker's lists, and each
     * switchover from the kernel's event to the notification server taking the notification.
     */
    private void inProcessTray(DBusConnection session, DBusConnection panel, int pickerOpens, int switchovers,
                               String wlan) throws Exception {
        try (SwitchoverLog signals = new SwitchoverLog(lab.systemBus());
             TrayApp tray = new TrayApp(session, lab.systemBus(), lab.control().project().resolve("icons"),
                     new Texts(Locale.ENGLISH), () -> { })) {
            WindowHands hands = new WindowHands(tray, session, panel);
            tray.start();
            Wait.until("the tray to register with the panel", Duration.ofSeconds(60), Duration.ofMillis(10),
                    () -> tray.registeredNanos() > 0);
            Wait.until("the tray to show the bond up", Duration.ofSeconds(30), () -> "up".equals(tray.snapshot().state()));
            picker(hands, pickerOpens);
            notifications(tray, signals, switchovers, wlan);
        }
    }

    private void picker(WindowHands hands, int opens) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < opens; i++) {
            Stage picker = hands.open(TrayMenuModel.Action.OPEN_WIFI);
            Wait.until("the picker's fresh scan", WindowHands.UI, Duration.ofMillis(5),
                    () -> hands.windows().picker().timings()[2] > 0);
            long[] t = hands.windows().picker().timings();
            first.add((t[1] - t[0]) / 1e6);
            fresh.add((t[2] - t[0]) / 1e6);
            WindowHands.hide(picker);
            Wait.sleep(Duration.ofSeconds(2));
        }
        BenchmarkDrill.spread(r, prefix + ".picker.first_list_ms", first);
        BenchmarkDrill.spread(r, prefix + ".picker.fresh_scan_ms", fresh);
    }

    /**
     * Cable pulled and plugged back {@code switchovers / 2} times each; for every switchover,
     * the kernel's event (when the helper received it: the signal's timestamp) to the signal
     * here, and the signal to the notification server's answer to the tray's Notify.
     */
    private void notifications(TrayApp tray, SwitchoverLog signals, int switchovers, String wlan) throws Exception {
        List<Double> toSignal = new ArrayList<>();
        List<Double> toNotice = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        try (Topology.FastCable cable = lab.net().new FastCable()) {
            for (int i = 0; i < switchovers; i++) {
                boolean plug = i % 2 == 1;
                long shown = tray.notifier().lastShownNanos();
                int since = signals.size();
                cable.set(plug);
                SwitchoverLog.Entry e = signals.await(plug ? Topology.WIRED : wlan, since, Duration.ofSeconds(15));
                Wait.until("the notification of switchover " + (i + 1), Duration.ofSeconds(15), Duration.ofMillis(2),
                        () -> tray.notifier().lastShownNanos() != shown);
                double notice = (tray.notifier().lastShownNanos() - e.receivedNanos()) / 1e6;
                toSignal.add(e.latencyMs());
                toNotice.add(notice);
                total.add(e.latencyMs() + notice);
                Wait.sleep(Duration.ofMillis(1500));
            }
        }
        r.put(prefix + ".notify.count", switchovers);
        BenchmarkDrill.spread(r, prefix + ".notify.event_to_signal_ms", toSignal);
        BenchmarkDrill.spread(r, prefix + ".notify.signal_to_shown_ms", toNotice);
        BenchmarkDrill.spread(r, prefix + ".notify.event_to_shown_ms", total);
    }
}
