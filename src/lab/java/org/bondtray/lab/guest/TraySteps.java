package org.bondtray.lab.guest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bondtray.testing.VirtualDesktop;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayIconName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;

/**
 * The tray app with the real helper: a desktop in the guest (Xvfb, xfce4-panel's status tray,
 * dunst), the tray following the helper over the system bus, and the cable cut and restored.
 * Each cut must bring a notification and the Wi-Fi icon, each restore the cable's; the figures
 * are from the kernel's cut to the notification server taking the notification.
 */
final class TraySteps {
    private static final int CUTS = 3;

    private final Lab lab;

    TraySteps(Lab lab) {
        this.lab = lab;
    }

    HelperFigures.Tray run() throws Exception {
        Path shots = lab.cmd().logDir().getParent().resolve("tray");
        java.nio.file.Files.createDirectories(shots);
        Path home = Path.of("/run/bondtray-desktop");
        java.nio.file.Files.createDirectories(home);
        try (VirtualDesktop desktop = new VirtualDesktop(home)) {
            long watcherMs;
            DBusConnection session = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            try {
                org.freedesktop.dbus.interfaces.DBus dbus = session.getRemoteObject("org.freedesktop.DBus",
                        "/org/freedesktop/DBus", org.freedesktop.dbus.interfaces.DBus.class);
                watcherMs = VirtualDesktop.waitFor("the panel's StatusNotifierWatcher",
                        () -> dbus.NameHasOwner("org.kde.StatusNotifierWatcher"));
            } finally {
                // The desktop's own logs, for when it did not come up.
                try (var logs = java.nio.file.Files.list(home)) {
                    for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                        java.nio.file.Files.copy(log, shots.resolve(log.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (TrayApp tray = new TrayApp(session, lab.systemBus(), lab.control().project().resolve("icons"),
                    new Texts(Locale.ENGLISH), () -> { })) {
                long t0 = System.nanoTime();
                tray.start();
                Wait.until("the tray to register with the panel", Duration.ofSeconds(30), Duration.ofMillis(10),
                        () -> tray.registeredNanos() > 0);
                long registeredMs = (tray.registeredNanos() - t0) / 1_000_000;
                String iconBefore = tray.item().look().iconName();
                desktop.screenshot(shots.resolve("panel-cable.png"));
                List<Long> toNotice = new ArrayList<>();
                List<Long> toIcon = new ArrayList<>();
                List<Long> backNotice = new ArrayList<>();
                String cutSummary = "";
                String iconOnWifi = "";
                String tooltipOnWifi = "";
                int displayedAfterCut = -1;
                String restoreSummary = "";
                for (int i = 0; i < CUTS; i++) {
                    long before = tray.notifier().lastShownNanos();
                    long cut = System.nanoTime();
                    lab.net().cutCable();
                    Wait.until("the tray's Wi-Fi icon", Duration.ofSeconds(15), Duration.ofMillis(5),
                            () -> tray.item().look().iconName().startsWith(TrayIconName.WIRELESS_PREFIX));
                    toIcon.add((System.nanoTime() - cut) / 1_000_000);
                    Wait.until("the notification of the cut", Duration.ofSeconds(15), Duration.ofMillis(5),
                            () -> tray.notifier().lastShownNanos() != before);
                    toNotice.add((tray.notifier().lastShownNanos() - cut) / 1_000_000);
                    if (i == 0) {
                        cutSummary = tray.notifier().lastSummary();
                        iconOnWifi = tray.item().look().iconName();
                        tooltipOnWifi = tray.item().look().toolTip().replace('\n', '|');
                        displayedAfterCut = Integer.parseInt(desktop.run("dunstctl", "count", "displayed").strip());
                        desktop.screenshot(shots.resolve("notification-cut.png"));
                    }
                    Wait.sleep(Duration.ofMillis(1500));
                    long mid = tray.notifier().lastShownNanos();
                    long restore = System.nanoTime();
                    lab.net().restoreCable();
                    Wait.until("the notification of the restore", Duration.ofSeconds(15), Duration.ofMillis(5),
                            () -> tray.notifier().lastShownNanos() != mid);
                    backNotice.add((tray.notifier().lastShownNanos() - restore) / 1_000_000);
                    Wait.until("the tray's cable icon", Duration.ofSeconds(15), Duration.ofMillis(5),
                            () -> tray.item().look().iconName().equals(TrayIconName.WIRED));
                    if (i == 0) {
                        restoreSummary = tray.notifier().lastSummary();
                    }
                    Wait.sleep(Duration.ofMillis(1500));
                }
                String iconAfter = tray.item().look().iconName();
                int displayedAtEnd = Integer.parseInt(desktop.run("dunstctl", "count", "displayed").strip());
                desktop.screenshot(shots.resolve("panel-end.png"));
                return new HelperFigures.Tray(watcherMs, registeredMs, iconBefore, cutSummary, iconOnWifi,
                        tooltipOnWifi, displayedAfterCut, toIcon, toNotice, restoreSummary, backNotice, iconAfter,
                        displayedAtEnd);
            } finally {
                session.disconnect();
            }
        }
    }
}
