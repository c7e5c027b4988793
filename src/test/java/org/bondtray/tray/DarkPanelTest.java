package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bondtray.i18n.Texts;
import org.bondtray.testing.Prerequisites;
import org.bondtray.testing.PrivateBus;
import org.bondtray.testing.VirtualDesktop;
import org.bondtray.tray.sni.SniNames;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The icon on a dark panel: xfce4-panel under Adwaita's dark theme, the tray set to symbolic
 * icons. The panel draws a symbolic icon in its own light foreground, so the icon stands out;
 * the screenshot (target/tray-host/panel-dark.png) is the README's dark-panel picture.
 */
class DarkPanelTest {
    private static final Path SHOTS = Path.of("target/tray-host");

    @TempDir
    Path home;

    @Test
    void aSymbolicIconIsDrawnLightOnADarkPanel() throws Exception {
        Prerequisites.programs(VirtualDesktop.PROGRAMS);
        Files.createDirectories(home.resolve("system"));
        try (VirtualDesktop desktop = new VirtualDesktop(home, null, VirtualDesktop.Tray.XFCE_PANEL, true);
             PrivateBus systemBus = new PrivateBus(home.resolve("system"))) {
            VirtualDesktop.waitFor("the panel's StatusNotifierWatcher", () -> !desktop.run("busctl", "--address="
                    + desktop.busAddress(), "status", SniNames.WATCHER_NAME).isEmpty());
            BufferedImage empty = desktop.screenshot(SHOTS.resolve("panel-dark-empty.png"));
            int lightBefore = VirtualDesktop.panelPixelsBrighterThan(empty, 170);
            assertTrue(VirtualDesktop.panelPixelsBrighterThan(empty, 90) < empty.getWidth() * 32 / 10,
                    "the panel is dark: " + SHOTS.resolve("panel-dark-empty.png"));
            DBusConnection session = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            DBusConnection system = DBusConnectionBuilder.forAddress(systemBus.address()).withShared(false).build();
            DBusConnection probe = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            try (TrayApp tray = new TrayApp(session, system, Path.of("icons").toAbsolutePath(),
                    new Texts(Locale.ENGLISH), () -> { })) {
                tray.settings(new TraySettings(home.resolve("tray.conf")));
                tray.start();
                tray.iconStyle("symbolic");
                Properties watcher = probe.getRemoteObject(SniNames.WATCHER_NAME, SniNames.WATCHER_PATH, Properties.class);
                VirtualDesktop.waitFor("the panel to list the icon",
                        () -> VirtualDesktop.trayItemOwners(watcher).contains(session.getUniqueName()));
                int[] light = new int[1];
                VirtualDesktop.waitFor("a light icon on the dark panel", () -> {
                    light[0] = VirtualDesktop.panelPixelsBrighterThan(desktop.screenshot(SHOTS.resolve("panel-dark.png")),
                            170) - lightBefore;
                    return light[0] >= 20;
                });
                // The panel's left end, where the tray sits: the picture the README shows.
                BufferedImage shot = javax.imageio.ImageIO.read(SHOTS.resolve("panel-dark.png").toFile());
                javax.imageio.ImageIO.write(shot.getSubimage(0, 0, 160, 32), "png", SHOTS.resolve("panel-dark-tray.png").toFile());
                System.out.printf("dark panel: the symbolic icon drawn with %d light pixels; %s%n", light[0],
                        SHOTS.resolve("panel-dark-tray.png").toAbsolutePath());
            } finally {
                probe.disconnect();
                session.disconnect();
                system.disconnect();
            }
        }
    }
}
