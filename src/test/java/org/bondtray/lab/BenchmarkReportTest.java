package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's table and chart from a results file as the guest writes it. */
class BenchmarkReportTest {

    private static Properties figures() {
        Properties p = new Properties();
        p.setProperty("events", "20");
        p.setProperty("ping_ms", "5");
        p.setProperty("tcp_connections", "50");
        for (String c : List.of("bondtray", "networkmanager", "recipe")) {
            for (String e : List.of("cut", "restore")) {
                String k = c + "." + e + ".";
                boolean nm = c.equals("networkmanager");
                p.setProperty(k + "gap_median", nm ? "6100" : "120");
                p.setProperty(k + "gap_p95", nm ? "12000" : "180");
                p.setProperty(k + "gap_max", nm ? "15000" : "240");
                p.setProperty(k + "lost_median", nm ? "900" : "3");
                p.setProperty(k + "lost_p95", "5");
                p.setProperty(k + "lost_max", "7");
                p.setProperty(k + "tcp_survived", nm ? "0" : "1000");
                p.setProperty(k + "tcp_total", "1000");
                p.setProperty(k + "address_changed", nm ? "20" : "0");
                p.setProperty(k + "quiet_gap_median", "40");
                p.setProperty(k + "quiet_gap_max", "60");
            }
        }
        return p;
    }

    @Test
    void tableHasAColumnPerContenderAndFourRowsPerEvent() {
        String table = new BenchmarkReport(figures(), List.of("bondtray", "networkmanager", "recipe")).table("Measured today.");
        List<String> rows = table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| ---")).toList();
        assertEquals(1 + 1 + 8, rows.size(), table);
        assertTrue(rows.get(0).contains("Bondtray") && rows.get(0).contains("NetworkManager") && rows.get(0).contains("wiki recipe"), table);
        assertTrue(table.contains("| cable pulled: longest gap of a 5 ms ping, median / p95 / max | 120 ms / 180 ms / 240 ms | 6.1 s / 12.0 s / 15.0 s |"), table);
        assertTrue(table.contains("| cable pulled: TCP connections alive after it (50 per event) | 100 % (1000 of 1000) | 0 % (0 of 1000) |"), table);
        assertTrue(table.contains("| nothing happening (the second before each cable pull): longest gap, median / max | 40 ms / 60 ms |"), table);
        assertTrue(table.contains("| cable plugged back: times the laptop's address changed | 0 | 20 | 0 |"), table);
    }

    @Test
    void bondtraysOwnFiguresAreTablesOfTheSameRun() {
        Properties p = figures();
        p.setProperty("bondtray.notify.count", "20");
        p.setProperty("bondtray.notify.event_to_signal_ms.median", "12.5");
        p.setProperty("bondtray.notify.event_to_signal_ms.max", "40.2");
        p.setProperty("bondtray.picker.fresh_scan_ms.median", "10705.0");
        p.setProperty("bondtray.helper_start_ms", "8500");
        p.setProperty("bondtray.tray_start_ms", "7700");
        p.setProperty("bondtray.idle.helper.rss_kb", "75776");
        p.setProperty("bondtray.idle.tray.cpu_s", "0.31");
        p.setProperty("bondtray.ports.8.rss_before_kb", "81920");
        p.setProperty("bondtray.switchovers.count", "1000");
        p.setProperty("bondtray.switchovers.warm", "100");
        p.setProperty("bondtray.switchovers.after_100.threads", "30");
        p.setProperty("bondtray.switchovers.after_1000.threads", "30");
        p.setProperty("bondtray.picker.error", "java.lang.IllegalStateException: no picker");
        p.setProperty("reference.start.networkmanager_ms", "1200");
        p.setProperty("reference.idle.wpa_supplicant.rss_kb", "8192");
        p.setProperty("reference.idle.networkmanager.wakeups", "12");
        String table = new BenchmarkReport(p, List.of("bondtray", "networkmanager", "recipe")).bondtrayTable();
        assertTrue(table.contains("| kernel event → Switchover signal received by a client (20 switchovers, cable pulled and"
                + " plugged back) | 12.5 ms | 40.2 ms |"), table);
        assertTrue(table.contains("| Wi-Fi picker opened → fresh scan shown | 10.7 s | ? |"), table);
        assertTrue(table.contains("| start: to its bus name (helper, NetworkManager), to its icon registered with the panel"
                + " (tray) | 8.5 s | 7.7 s | not measured | 1.2 s |"), table);
        assertTrue(table.contains("| idle: resident memory | 74.0 MB | ? | 8.0 MB | ? |"), table);
        assertTrue(table.contains("| idle 60 s: CPU time | ? | 0.31 s | ? | ? |"), table);
        assertTrue(table.contains("| idle 60 s: wakeups (context switches of all threads) | ? | ? | ? | 12 |"), table);
        assertTrue(table.contains("| resident, bond up | ? | ? | 80.0 MB |"), table);
        assertTrue(table.contains("| the helper over 1000 switchovers (? s) | after 100 | after 1000 |"), table);
        assertTrue(table.contains("| threads | 30 | 30 |"), table);
        assertTrue(table.contains("picker did not run to the end: java.lang.IllegalStateException: no picker"), table);
    }

    @Test
    void theKernelsClockPutsBondtrayNextToTheRecipe() {
        Properties p = figures();
        p.setProperty("bondtray.cut.kernel.bond.median", "4.2");
        p.setProperty("bondtray.cut.kernel.bond.p95", "18.0");
        p.setProperty("bondtray.cut.kernel.bond.max", "30.5");
        p.setProperty("recipe.cut.kernel.bond.median", "51.0");
        p.setProperty("recipe.cut.kernel.bond.p95", "98.0");
        p.setProperty("recipe.cut.kernel.bond.max", "101.3");
        p.setProperty("recipe.restore.kernel.missing", "2");
        p.setProperty("recipe.restore.kernel.seen", "20");
        p.setProperty("bondtray.cut.printk.median", "12.8");
        p.setProperty("bondtray.cut.printk.p95", "29.9");
        p.setProperty("bondtray.cut.printk.max", "65.1");
        p.setProperty("recipe.cut.printk.median", "32.0");
        p.setProperty("recipe.cut.printk.p95", "99.9");
        p.setProperty("recipe.cut.printk.max", "100.2");
        p.setProperty("bondtray.cut.helper.acted", "19");
        p.setProperty("bondtray.cut.helper.median", "2.5");
        p.setProperty("bondtray.cut.helper.p95", "7.0");
        p.setProperty("bondtray.cut.helper.max", "9.1");
        String table = new BenchmarkReport(p, List.of("bondtray", "networkmanager", "recipe")).kernelTable();
        assertTrue(table.contains("| cable pulled, by the kernel's log: the cable's far end down → the bond makes the"
                + " Wi-Fi active | 12.8 ms / 29.9 ms / 65.1 ms | 32.0 ms / 99.9 ms / 100.2 ms |"), table);
        assertTrue(table.contains("| cable pulled: the helper's own part, carrier event received → the helper done with it"
                + " (19 cuts it acted on) | 2.5 ms / 7.0 ms / 9.1 ms | |"), table);
        assertTrue(table.contains("| cable pulled: carrier lost → the bond makes the Wi-Fi active (link events as iproute2 read them) | 4.2 ms / 18.0 ms / 30.5 ms"
                + " | 51.0 ms / 98.0 ms / 101.3 ms |"), table);
        assertTrue(table.contains("| cable plugged back: carrier back → the first echo request leaves the cable | ? / ? / ? |"
                + " ? / ? / ? |"), table);
        assertTrue(table.contains("recipe, restore: 2 times the records did not show it (20 events seen)"), table);
    }

    @Test
    void chartIsAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        new BenchmarkReport(figures(), List.of("bondtray", "networkmanager", "recipe")).chart(png, "a caption");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(460, img.getHeight());
    }
}
