package org.bondtray.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import javax.imageio.ImageIO;

/**
 * The benchmark's figures as the README shows them: a markdown table (one column per contender,
 * cut and restore rows) and a chart of the outage each felt, drawn here with Java2D so the chart
 * needs nothing but the JDK.
 */
final class BenchmarkReport {
    static final List<String> EVENTS = List.of("cut", "restore");
    private static final List<String> TITLES = List.of("Bondtray", "NetworkManager, no bond", "wiki recipe (bond, no helper)");
    private static final List<Color> COLORS = List.of(new Color(0x2e7d32), new Color(0x1565c0), new Color(0x8d6e63));

    private final Properties p;
    private final List<String> contenders;

    BenchmarkReport(Properties p, List<String> contenders) {
        this.p = p;
        this.contenders = contenders;
    }

    String table(String heading) {
        StringBuilder s = new StringBuilder(heading).append("\n\n| ").append(p.getProperty("events"))
                .append(" of each event |");
        for (int i = 0; i < contenders.size(); i++) {
            s.append(' ').append(TITLES.get(i)).append(" |");
        }
        s.append("\n| --- |").append(" --- |".repeat(contenders.size())).append('\n');
        row(s, "nothing happening (the second before each cable pull): longest gap, median / max",
                c -> ms(get(c, "cut", "quiet_gap_median")) + " / " + ms(get(c, "cut", "quiet_gap_max")));
        for (String e : EVENTS) {
            String what = e.equals("cut") ? "cable pulled" : "cable plugged back";
            row(s, what + ": longest gap of a " + p.getProperty("ping_ms") + " ms ping, median / p95 / max",
                    c -> ms(get(c, e, "gap_median")) + " / " + ms(get(c, e, "gap_p95")) + " / " + ms(get(c, e, "gap_max")));
            row(s, what + ": pings lost, median / p95 / max",
                    c -> get(c, e, "lost_median") + " / " + get(c, e, "lost_p95") + " / " + get(c, e, "lost_max"));
            row(s, what + ": TCP connections alive after it (" + p.getProperty("tcp_connections") + " per event)",
                    c -> percent(c, e) + " (" + get(c, e, "tcp_survived") + " of " + get(c, e, "tcp_total") + ")");
            row(s, what + ": times the laptop's address changed", c -> get(c, e, "address_changed"));
        }
        return s.toString();
    }

    /**
     * The figures only Bondtray has, from the same run: a switchover's way to the user, the
     * picker, what the helper and the tray cost at rest and at start, and the helper's scale.
     * A part that failed shows its error instead of figures.
     */
    String bondtrayTable() {
        String b = "bondtray.";
        StringBuilder s = new StringBuilder("| Bondtray alone | median | max |\n| --- | --- | --- |\n");
        spreadRow(s, "kernel event → Switchover signal received by a client (" + p.getProperty(b + "notify.count", "?")
                + " switchovers, cable pulled and plugged back)", b + "notify.event_to_signal_ms");
        spreadRow(s, "Switchover signal → notification shown (the notification server answered the tray's Notify)",
                b + "notify.signal_to_shown_ms");
        spreadRow(s, "kernel event → notification shown", b + "notify.event_to_shown_ms");
        spreadRow(s, "Wi-Fi picker opened → first list shown (wpa_supplicant's last scan)", b + "picker.first_list_ms");
        spreadRow(s, "Wi-Fi picker opened → fresh scan shown", b + "picker.fresh_scan_ms");
        for (int size : List.of(1, 4, 8)) {
            String k = b + "ports." + size + ".";
            spreadRow(s, size + (size == 1 ? " port" : " ports") + " in the bond: cable pulled → the API shows it",
                    k + "pulled_to_api_ms");
        }
        spreadRow(s, "many switchovers in a row: kernel event → signal, first 100", b + "switchovers.first_latency_ms");
        spreadRow(s, "many switchovers in a row: kernel event → signal, last 100", b + "switchovers.last_latency_ms");
        s.append('\n').append(restTable());
        s.append("\n| the helper's memory | 1 port | 4 ports | 8 ports |\n| --- | --- | --- | --- |\n| resident, bond up |");
        for (int size : List.of(1, 4, 8)) {
            s.append(' ').append(mb(b + "ports." + size + ".rss_before_kb")).append(" |");
        }
        s.append("\n| resident, after its cables were pulled and plugged back |");
        for (int size : List.of(1, 4, 8)) {
            s.append(' ').append(mb(b + "ports." + size + ".rss_after_kb")).append(" |");
        }
        String warm = p.getProperty(b + "switchovers.warm", "?");
        String count = p.getProperty(b + "switchovers.count", "?");
        String w = b + "switchovers.after_" + warm + ".";
        String e = b + "switchovers.after_" + count + ".";
        s.append("\n\n| the helper over ").append(count).append(" switchovers (")
                .append(p.getProperty(b + "switchovers.duration_s", "?")).append(" s) | after ").append(warm)
                .append(" | after ").append(count).append(" |\n| --- | --- | --- |\n");
        s.append("| live heap (after a full collection) | ").append(mb(w + "heap_kb")).append(" | ").append(mb(e + "heap_kb")).append(" |\n");
        s.append("| resident memory | ").append(mb(w + "rss_kb")).append(" | ").append(mb(e + "rss_kb")).append(" |\n");
        s.append("| threads | ").append(p.getProperty(w + "threads", "?")).append(" | ").append(p.getProperty(e + "threads", "?")).append(" |\n");
        s.append("| open files | ").append(p.getProperty(w + "fds", "?")).append(" | ").append(p.getProperty(e + "fds", "?")).append(" |\n");
        for (String part : List.of("bondtray.desktop", "bondtray.idle", "bondtray.picker", "bondtray.ports",
                "bondtray.switchovers", "reference.networkmanager")) {
            String error = p.getProperty(part + ".error");
            if (error != null) {
                s.append("\n").append(part.substring(part.indexOf('.') + 1)).append(" did not run to the end: ")
                        .append(error).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * The helper and the tray at rest next to the daemons every laptop already runs, in the same
     * VM: wpa_supplicant in the same minute as Bondtray's, NetworkManager after its own cuts.
     */
    private String restTable() {
        List<String> who = List.of("bondtray.idle.helper", "bondtray.idle.tray", "reference.idle.wpa_supplicant",
                "reference.idle.networkmanager");
        StringBuilder s = new StringBuilder("| at rest, same VM | Bondtray's helper | Bondtray's tray | wpa_supplicant "
                + "| NetworkManager |\n| --- | --- | --- | --- | --- |\n");
        s.append("| start: to its bus name (helper, NetworkManager), to its icon registered with the panel (tray) | ")
                .append(ms(p.getProperty("bondtray.helper_start_ms", "?"))).append(" | ")
                .append(ms(p.getProperty("bondtray.tray_start_ms", "?"))).append(" | not measured | ")
                .append(ms(p.getProperty("reference.start.networkmanager_ms", "?"))).append(" |\n");
        String seconds = p.getProperty("bondtray.idle.seconds", "60");
        restRow(s, who, "idle: resident memory", k -> mb(k + ".rss_kb"));
        restRow(s, who, "idle " + seconds + " s: CPU time", k -> unit(k + ".cpu_s", " s"));
        restRow(s, who, "idle " + seconds + " s: wakeups (context switches of all threads)",
                k -> p.getProperty(k + ".wakeups", "?"));
        restRow(s, who, "idle: threads", k -> p.getProperty(k + ".threads", "?"));
        return s.toString();
    }

    private static void restRow(StringBuilder s, List<String> who, String label, Cell cell) {
        s.append("| ").append(label).append(" |");
        who.forEach(k -> s.append(' ').append(cell.of(k)).append(" |"));
        s.append('\n');
    }

    /**
     * Each switchover timed by the kernel's own records (the guest's KernelClock): from the
     * cable's carrier event to the bond's event naming the new active port, and to the first echo
     * request leaving that port; Bondtray next to the recipe, whose bond waits for its miimon.
     */
    String kernelTable() {
        StringBuilder s = new StringBuilder("| by the kernel's clock, median / p95 / max | Bondtray | wiki recipe "
                + "(miimon 100) |\n| --- | --- | --- |\n");
        for (String e : EVENTS) {
            String what = e.equals("cut") ? "cable pulled: carrier lost" : "cable plugged back: carrier back";
            String to = e.equals("cut") ? "the Wi-Fi" : "the cable";
            kernelRow(s, what + " → the bond makes " + to + " active (link events as iproute2 read them)", e + ".kernel.bond");
            kernelRow(s, what + " → the first echo request leaves " + to, e + ".kernel.frame");
        }
        kernelRow(s, "cable pulled, by the kernel's log: the cable's far end down → the bond makes the Wi-Fi"
                + " active", "cut.printk");
        kernelRow(s, "cable plugged back, by the kernel's log: the cable's far end up → the bond makes the cable"
                + " active", "restore.printk");
        String part = "bondtray.cut.helper";
        s.append("| cable pulled: the helper's own part, carrier event received → the helper done with it (")
                .append(p.getProperty(part + ".acted", "?")).append(" cuts it acted on) | ").append(spread(part))
                .append(" | |\n");
        s.append("\nOn a plug Bondtray waits its UpDelay (500 ms unless configured), so that a cable that"
                + " bounces as it goes in does not drag traffic back and forth; the recipe waits for nothing.\n");
        for (String c : List.of("bondtray", "recipe")) {
            for (String e : EVENTS) {
                String missing = p.getProperty(c + "." + e + ".kernel.missing", "0");
                if (!missing.equals("0")) {
                    s.append("\n").append(c).append(", ").append(e).append(": ").append(missing)
                            .append(" times the records did not show it (").append(p.getProperty(c + "." + e
                            + ".kernel.seen", "?")).append(" events seen)\n");
                }
            }
        }
        return s.toString();
    }

    /** A row of both bonds' {@code figure} (its key after the contender's name): median / p95 / max. */
    private void kernelRow(StringBuilder s, String label, String figure) {
        s.append("| ").append(label).append(" |");
        for (String c : List.of("bondtray", "recipe")) {
            s.append(' ').append(spread(c + "." + figure)).append(" |");
        }
        s.append('\n');
    }

    /** "median / p95 / max" of the figure under {@code key}, "?" for what is missing. */
    private String spread(String key) {
        return ms(p.getProperty(key + ".median", "?")) + " / " + ms(p.getProperty(key + ".p95", "?")) + " / "
                + ms(p.getProperty(key + ".max", "?"));
    }

    private void spreadRow(StringBuilder s, String label, String key) {
        s.append("| ").append(label).append(" | ").append(ms(p.getProperty(key + ".median", "?"))).append(" | ")
                .append(ms(p.getProperty(key + ".max", "?"))).append(" |\n");
    }

    /** The figure under {@code key} with its unit, or "?" when the run has none. */
    private String unit(String key, String unit) {
        String v = p.getProperty(key);
        return v == null ? "?" : v + unit;
    }

    private String mb(String key) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f MB", Long.parseLong(p.getProperty(key, "?")) / 1024.0);
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    private interface Cell {
        String of(String contender);
    }

    private void row(StringBuilder s, String label, Cell cell) {
        s.append("| ").append(label).append(" |");
        for (String c : contenders) {
            s.append(' ').append(cell.of(c)).append(" |");
        }
        s.append('\n');
    }

    private String get(String contender, String event, String figure) {
        return p.getProperty(contender + "." + event + "." + figure, "?");
    }

    private String percent(String c, String e) {
        try {
            return Math.round(100.0 * Long.parseLong(get(c, e, "tcp_survived")) / Long.parseLong(get(c, e, "tcp_total"))) + " %";
        } catch (NumberFormatException x) {
            return "?";
        }
    }

    /** Milliseconds as written ("86 ms", "12.5 ms"), or in seconds from a second on ("6.6 s"); "?" stays. */
    private static String ms(String v) {
        try {
            double ms = Double.parseDouble(v);
            return ms >= 1_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000) : v + " ms";
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /**
     * Bars of the median longest gap per contender and event on a log scale (0.01 s to 100 s),
     * a whisker to the 95th percentile, a dot at the maximum, and the share of TCP connections
     * that lived through it under each bar.
     */
    void chart(Path png, String caption) throws IOException {
        int w = 900;
        int h = 460;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int left = 80;
        int right = w - 20;
        int top = 60;
        int bottom = h - 90;
        double lo = Math.log10(10);
        double hi = Math.log10(100_000);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Longest gap in a " + p.getProperty("ping_ms") + " ms ping (bar: median, line: p95, dot: max)", left, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(caption, left, 45);
        for (long tick : new long[] {10, 100, 1_000, 10_000, 100_000}) {
            int y = y(tick, lo, hi, top, bottom);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(tick >= 1000 ? tick / 1000 + " s" : tick + " ms", 20, y + 4);
        }
        int groups = EVENTS.size();
        int groupWidth = (right - left) / groups;
        int bar = groupWidth / (contenders.size() + 1);
        for (int gi = 0; gi < groups; gi++) {
            String e = EVENTS.get(gi);
            int x0 = left + gi * groupWidth + bar / 2;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(e.equals("cut") ? "cable pulled" : "cable plugged back", x0 + bar, bottom + 60);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int ci = 0; ci < contenders.size(); ci++) {
                String c = contenders.get(ci);
                int x = x0 + ci * bar;
                long median = number(get(c, e, "gap_median"));
                long p95 = number(get(c, e, "gap_p95"));
                long max = number(get(c, e, "gap_max"));
                int ym = y(median, lo, hi, top, bottom);
                g.setColor(COLORS.get(ci));
                g.fillRect(x + 6, ym, bar - 12, bottom - ym);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(2));
                int xc = x + bar / 2;
                g.drawLine(xc, ym, xc, y(p95, lo, hi, top, bottom));
                int yx = y(max, lo, hi, top, bottom);
                g.fillOval(xc - 4, yx - 4, 8, 8);
                g.drawString(ms(Long.toString(median)), x + 6, ym - 6);
                g.drawString("TCP " + percent(c, e), x + 6, bottom + 16);
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
        int lx = left;
        for (int ci = 0; ci < contenders.size(); ci++) {
            g.setColor(COLORS.get(ci));
            g.fillRect(lx, h - 22, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(TITLES.get(ci), lx + 20, h - 10);
            lx += 260;
        }
        g.dispose();
        Files.createDirectories(png.getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static long number(String v) {
        try {
            return Math.max(1, Long.parseLong(v));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int y(long ms, double lo, double hi, int top, int bottom) {
        double v = Math.min(hi, Math.max(lo, Math.log10(Math.max(ms, 1))));
        return (int) Math.round(bottom - (v - lo) / (hi - lo) * (bottom - top));
    }
}
