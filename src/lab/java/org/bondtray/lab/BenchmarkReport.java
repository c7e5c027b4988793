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

    private static String ms(String v) {
        try {
            long ms = Long.parseLong(v);
            return ms >= 1_000 ? String.format("%.1f s", ms / 1000.0) : ms + " ms";
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
