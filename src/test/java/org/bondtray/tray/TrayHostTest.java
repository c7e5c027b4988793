package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bondtray.api.BondSnapshot;
import org.bondtray.api.PlainValues;
import org.bondtray.i18n.Texts;
import org.bondtray.testing.Prerequisites;
import org.bondtray.testing.PrivateBus;
import org.bondtray.testing.VirtualDesktop;
import org.bondtray.tray.notify.Notifier;
import org.bondtray.tray.sni.SniNames;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray against real desktop programs: xfce4-panel's status tray shows the icon and opens its
 * menu on a click, dunst shows the notifications and replaces rather than piles them up.
 * Screenshots stay in target/tray-host/. With CI=true, missing programs fail the test.
 */
class TrayHostTest {
    private static final Path SHOTS = Path.of("target/tray-host");

    @TempDir
    Path home;

    @Test
    void panelShowsTheIconAndItsMenuAndDunstShowsNotifications() throws Exception {
        Prerequisites.programs(VirtualDesktop.PROGRAMS);
        java.nio.file.Files.createDirectories(home.resolve("system"));
        try (VirtualDesktop desktop = new VirtualDesktop(home);
             PrivateBus systemBus = new PrivateBus(home.resolve("system"))) {
            VirtualDesktop.waitFor("the panel's StatusNotifierWatcher", () -> !desktop.run("busctl", "--address="
                    + desktop.busAddress(), "status", SniNames.WATCHER_NAME).isEmpty());
            DBusConnection session = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            DBusConnection system = DBusConnectionBuilder.forAddress(systemBus.address()).withShared(false).build();
            DBusConnection probe = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            try (TrayApp tray = new TrayApp(session, system, Path.of("icons").toAbsolutePath(),
                    new Texts(Locale.ENGLISH), () -> { })) {
                long t0 = System.nanoTime();
                tray.start();
                Properties watcher = probe.getRemoteObject(SniNames.WATCHER_NAME, SniNames.WATCHER_PATH, Properties.class);
                VirtualDesktop.waitFor("the panel to list the icon", () -> String.valueOf(PlainValues.of(
                        watcher.Get(SniNames.WATCHER_INTERFACE, "RegisteredStatusNotifierItems")))
                        .contains(session.getUniqueName()));
                long registeredMs = (System.nanoTime() - t0) / 1_000_000;
                int[] icon = new int[2];
                long shownMs = VirtualDesktop.waitFor("the icon on the panel", () -> {
                    int[] at = VirtualDesktop.findInPanel(desktop.screenshot(SHOTS.resolve("panel.png")), VirtualDesktop.UNAVAILABLE_TILE);
                    icon[0] = at[0];
                    icon[1] = at[1];
                    return at[2] >= 40;
                });
                System.out.printf("tray host: start -> registered %d ms, -> icon drawn by xfce4-panel %d ms;"
                        + " icon at %d,%d; screenshot %s%n", registeredMs, registeredMs + shownMs, icon[0], icon[1],
                        SHOTS.resolve("panel.png").toAbsolutePath());

                int before = tray.menu().shownCount();
                desktop.run("xdotool", "mousemove", String.valueOf(icon[0]), String.valueOf(icon[1]), "click", "1");
                VirtualDesktop.waitFor("the panel to open the menu", () -> tray.menu().shownCount() > before);
                Thread.sleep(500);
                BufferedImage menu = desktop.screenshot(SHOTS.resolve("menu.png"));
                assertTrue(VirtualDesktop.lightRowsBelowPanel(menu) > 100, "a menu is drawn below the panel: " + SHOTS.resolve("menu.png"));
                desktop.run("xdotool", "key", "Escape");

                List<String> chosen = new java.util.concurrent.CopyOnWriteArrayList<>();
                Notifier notifier = new Notifier(session, "Bondtray", java.util.Map.of(Notifier.SWITCH_BACK, "Switch back",
                        Notifier.OPEN_STATUS, "Open status"), chosen::add);
                TrayTexts words = new TrayTexts(new Texts(Locale.ENGLISH));
                BondSnapshot.Port cable = new BondSnapshot.Port("eth0", "wired", true, 1000, "", 0, "backup", "");
                BondSnapshot.Port wifi = new BondSnapshot.Port("wlan0", "wireless", true, 0, "HomeNet", -60, "active", "");
                BondSnapshot onWifi = new BondSnapshot(true, "degraded", "", "wired", "wlan0", List.of("192.168.50.7/24"),
                        "same-network", List.of(cable, wifi));
                notifier.show(words.switchover(onWifi, "wlan0", "cable-unplugged", 38), TrayIconName.of(onWifi), true);
                notifier.show(words.switchover(onWifi, "eth0", "cable-plugged", 0), TrayIconName.of(onWifi), true);
                VirtualDesktop.waitFor("dunst to show the notification",
                        () -> desktop.run("dunstctl", "count", "displayed").strip().equals("1"));
                desktop.screenshot(SHOTS.resolve("notification.png"));
                assertEquals("1", desktop.run("dunstctl", "count", "displayed").strip(), "replaced, not piled up");
                // Clicking the notification (dunst's default action) asks for the status window.
                desktop.run("dunstctl", "action", "0");
                VirtualDesktop.waitFor("the click to reach the tray", java.time.Duration.ofSeconds(10),
                        () -> chosen.contains(Notifier.OPEN_STATUS));
                desktop.run("dunstctl", "close-all");
                VirtualDesktop.waitFor("the notification in dunst's history",
                        () -> desktop.run("dunstctl", "history").contains("Back on the cable (1 Gb/s)"));
                String history = desktop.run("dunstctl", "history");
                assertTrue(history.contains("Cable plugged in, connections kept (0 ms)"), history);
                assertTrue(!history.contains("Now on Wi-Fi (HomeNet)"), "the first was replaced: " + history);
                trayProcess(desktop, systemBus, watcher, probe);
            } finally {
                probe.disconnect();
                session.disconnect();
                system.disconnect();
            }
        }
    }

    /**
     * {@code bondtray tray} as its own process, as a user starts it: from the JVM's start to the
     * panel listing its icon, and its resident memory once idle.
     */
    private static void trayProcess(VirtualDesktop desktop, PrivateBus systemBus, Properties watcher,
                                    org.freedesktop.dbus.connections.impl.DBusConnection panel) throws Exception {
        List<String> before = VirtualDesktop.trayItemOwners(watcher);
        long t0 = System.nanoTime();
        Process tray = startTray(desktop, systemBus, SHOTS.resolve("tray-process.log"));
        try {
            VirtualDesktop.waitFor("bondtray tray to register its icon", () -> VirtualDesktop.trayItemOwners(watcher).size() > before.size());
            long registeredMs = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(10_000);
            long rssKb = java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(tray.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst()
                    .orElse(-1L);
            System.out.printf("tray host: bondtray tray process start -> icon registered %d ms; RSS after 10 s idle %d MB%n",
                    registeredMs, rssKb / 1024);
            assertTrue(tray.isAlive(), "the tray keeps running");

            // Status… from the menu, as the panel sends the click: a JavaFX window on the X display.
            // The process's icon is the one that was not there before it started; the watcher
            // lists items in no promised order.
            List<String> now = VirtualDesktop.trayItemOwners(watcher);
            String owner = now.stream().filter(o -> !before.contains(o)).findFirst().orElse(null);
            assertTrue(owner != null, "the process's icon among " + now);
            org.bondtray.tray.sni.DBusMenu menu = panel.getRemoteObject(owner, SniNames.MENU_PATH,
                    org.bondtray.tray.sni.DBusMenu.class);
            long clicked = System.nanoTime();
            menu.Event(13, "clicked", new org.freedesktop.dbus.types.Variant<>(0), new org.freedesktop.dbus.types.UInt32(0));
            VirtualDesktop.waitFor("the status window on the display", java.time.Duration.ofSeconds(60),
                    () -> !desktop.run("xdotool", "search", "--name", "^Bondtray status$").isBlank());
            long windowMs = (System.nanoTime() - clicked) / 1_000_000;
            Thread.sleep(1500);
            BufferedImage shot = desktop.screenshot(SHOTS.resolve("status-window.png"));
            assertTrue(VirtualDesktop.lightRowsBelowPanel(shot) > 200, "the window is drawn: " + SHOTS.resolve("status-window.png"));
            System.out.printf("tray host: Status… clicked -> window on the display %d ms (JavaFX started with it)%n",
                    windowMs);
            assertTrue(tray.isAlive(), "closing nothing, the tray keeps running");
        } finally {
            tray.destroy();
            tray.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * {@code bondtray tray} from the build, as its own process on {@code desktop} with the
     * project's icons, following the helper on {@code systemBus}; its output goes to {@code log}.
     */
    static Process startTray(VirtualDesktop desktop, PrivateBus systemBus, Path log) throws java.io.IOException {
        return desktop.launch(log, java.util.Map.of("DBUS_SYSTEM_BUS_ADDRESS", systemBus.address()),
                ProcessHandle.current().info().command().orElse("java"),
                "-Dbondtray.icons=" + Path.of("icons").toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                "org.bondtray.cli.Cli", "tray");
    }
}
