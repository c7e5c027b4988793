package org.bondtray.tray.status;

import java.time.Instant;
import java.util.List;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import org.bondtray.tray.Theme;

/**
 * The last hour at a glance: the Wi-Fi signal as a line (-90 dBm at the bottom, -30 at the top)
 * over a strip that is blue while the cable carried the traffic, green while the Wi-Fi did, and
 * red while nothing did. Drawn on a canvas: a chart control would cost more than it shows here.
 */
final class SignalChart extends Canvas {
    static final Color WIRED = Color.web("#1565c0");
    static final Color WIRELESS = Color.web("#2e7d32");
    static final Color NONE = Color.web("#c62828");
    static final Color LINE = Color.web("#f9a825");
    private static final int STRIP = 10;
    private static final int MIN_DBM = -90;
    private static final int MAX_DBM = -30;

    SignalChart(double width, double height) {
        super(width, height);
    }

    void draw(List<History.Sample> samples, Instant now, String[] labels) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        double plot = h - STRIP - 14;
        boolean dark = Theme.dark(getScene());
        g.setFill(Theme.surface(dark));
        g.fillRect(0, 0, w, h);
        g.setStroke(Theme.rule(dark));
        for (int dbm = MIN_DBM; dbm <= MAX_DBM; dbm += 20) {
            double y = y(dbm, plot);
            g.strokeLine(0, y, w, y);
        }
        g.setFill(Color.GRAY);
        g.setFont(Font.font(9));
        g.fillText(labels[0], 2, 10);
        g.fillText(labels[1], 2, h - 2);
        g.fillText(labels[2], w - 28, h - 2);
        Instant start = now.minus(History.SPAN);
        double span = History.SPAN.toMillis();
        for (int i = 0; i < samples.size(); i++) {
            History.Sample s = samples.get(i);
            double x0 = Math.max(0, (s.at().toEpochMilli() - start.toEpochMilli()) / span * w);
            double x1 = i + 1 < samples.size()
                    ? (samples.get(i + 1).at().toEpochMilli() - start.toEpochMilli()) / span * w : w;
            g.setFill(switch (s.activeKind()) {
                case "wired" -> WIRED;
                case "wireless" -> WIRELESS;
                default -> NONE;
            });
            g.fillRect(x0, plot + 2, Math.max(1, x1 - x0), STRIP);
        }
        g.setStroke(LINE);
        g.setLineWidth(2);
        double lastX = -1;
        double lastY = -1;
        for (History.Sample s : samples) {
            double x = Math.max(0, (s.at().toEpochMilli() - start.toEpochMilli()) / span * w);
            if (s.wifiSignalDbm() == 0) {
                lastX = -1;
                continue;
            }
            double y = y(s.wifiSignalDbm(), plot);
            if (lastX >= 0) {
                g.strokeLine(lastX, lastY, x, y);
            } else {
                g.strokeLine(x, y, x + 1, y);
            }
            lastX = x;
            lastY = y;
        }
        if (lastX >= 0) {
            g.strokeLine(lastX, lastY, w, lastY);
        }
    }

    private static double y(int dbm, double plot) {
        int clamped = Math.max(MIN_DBM, Math.min(MAX_DBM, dbm));
        return plot - (clamped - MIN_DBM) / (double) (MAX_DBM - MIN_DBM) * (plot - 4);
    }
}
