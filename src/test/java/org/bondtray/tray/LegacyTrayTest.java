package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bondtray.testing.Prerequisites;
import org.bondtray.testing.PrivateBus;
import org.bondtray.testing.VirtualDesktop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desktop with an older system tray and no StatusNotifierItem host (trayer, which speaks only
 * the XEmbed System Tray protocol): {@code bondtray tray}, as a user starts it, puts its icon there
 * through AWT instead of showing the window that stands in for a tray; the icon's menu opens with
 * the right button and a click opens the status window. Screenshots stay in target/tray-host/.
 */
class LegacyTrayTest {
    private static final Path SHOTS = Path.of("target/tray-host");

    @TempDir
    Path home;

    @Test
    void withoutAStatusNotifierHostTheIconGoesToTheOlderSystemTray() throws Exception {
        Prerequisites.programs(VirtualDesktop.PROGRAMS);
        Files.createDirectories(home.resolve("system"));
        try (VirtualDesktop desktop = new VirtualDesktop(home.resolve("desktop"), null, VirtualDesktop.Tray.TRAYER);
             PrivateBus systemBus = new PrivateBus(home.resolve("system"))) {
            long t0 = System.nanoTime();
            // No helper on this bus: the icon is the "helper unavailable" one, found by its tile.
            Process tray = TrayHostTest.startTray(desktop, systemBus, SHOTS.resolve("legacy-tray-process.log"));
            try {
                int[] icon = new int[3];
                VirtualDesktop.waitFor("the icon in trayer", java.time.Duration.ofSeconds(90), () -> {
                    int[] at = VirtualDesktop.findInPanel(desktop.screenshot(SHOTS.resolve("legacy-tray.png")),
                            VirtualDesktop.UNAVAILABLE_TILE);
                    System.arraycopy(at, 0, icon, 0, 3);
                    return at[2] >= 20;
                });
                System.out.printf("legacy tray: bondtray tray start -> icon drawn by trayer %d ms (after the 8 s wait for a"
                        + " StatusNotifierItem host); icon at %d,%d (%d pixels of its tile); screenshot %s%n",
                        (System.nanoTime() - t0) / 1_000_000, icon[0], icon[1], icon[2],
                        SHOTS.resolve("legacy-tray.png").toAbsolutePath());
                assertTrue(tray.isAlive(), "the tray keeps running");
                assertEquals("", desktop.run("sh", "-c", "xdotool search --name '^Bondtray$' || true").strip(),
                        "no window stands in for the icon: the older tray holds it");

                desktop.run("xdotool", "mousemove", String.valueOf(icon[0]), String.valueOf(icon[1]), "click", "3");
                long menuMs = VirtualDesktop.waitFor("the icon's menu", java.time.Duration.ofSeconds(30),
                        () -> VirtualDesktop.lightRowsBelowPanel(desktop.screenshot(SHOTS.resolve("legacy-tray-menu.png"))) > 60);
                System.out.printf("legacy tray: right button -> menu drawn %d ms; screenshot %s%n", menuMs,
                        SHOTS.resolve("legacy-tray-menu.png").toAbsolutePath());
                desktop.run("xdotool", "key", "Escape");
                desktop.run("xdotool", "mousemove", String.valueOf(icon[0]), String.valueOf(icon[1] + 300), "click", "1");
                Thread.sleep(500);

                desktop.run("xdotool", "mousemove", String.valueOf(icon[0]), String.valueOf(icon[1]), "click", "1");
                long statusMs = VirtualDesktop.waitFor("the status window on the display", java.time.Duration.ofSeconds(60),
                        () -> !desktop.run("sh", "-c", "xdotool search --name '^Bondtray status$' || true").isBlank());
                System.out.printf("legacy tray: click -> status window %d ms%n", statusMs);
                assertTrue(tray.isAlive(), "the tray keeps running");
            } finally {
                tray.destroy();
                tray.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
