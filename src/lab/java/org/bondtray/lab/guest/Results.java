package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scenario measured, written for the host as {@code <scenario>.properties}. The guest
 * only measures; the host's test cases judge, so a failing figure is visible in the report.
 */
final class Results {
    private final Map<String, String> values = new LinkedHashMap<>();

    Results put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    /** A scenario's record of figures, each under its name ({@link Figures}). */
    Results record(Record figures) {
        Figures.write(figures).forEach(this::put);
        return this;
    }

    Results put(TrafficProbe.Window w) {
        return put(w.name() + ".sent", w.sent())
                .put(w.name() + ".lost", w.lost())
                .put(w.name() + ".answered", w.answered())
                .put(w.name() + ".longest_gap_ms", w.longestGapMs());
    }

    void putTcp(TrafficProbe.Report report) {
        put("tcp.connections", report.tcp().connections());
        put("tcp.survived", report.tcp().survived());
        put("tcp.longest_stall_ms", report.tcp().longestStallMs());
    }

    /** What a window of traffic lost, under {@code prefix.}: TCP connections of all, echo requests, the longest gap. */
    void putLoss(String prefix, TrafficProbe.Report report) {
        TrafficProbe.Window all = report.window("all", TrafficProbe.START, TrafficProbe.END);
        put(prefix + ".tcp_connections", report.tcp().connections())
                .put(prefix + ".tcp_lost", report.tcp().connections() - report.tcp().survived())
                .put(prefix + ".ping_lost", all.lost()).put(prefix + ".longest_gap_ms", all.longestGapMs());
    }

    /** Steps whose failure is recorded rather than thrown, so the scenario's later steps still run. */
    interface Steps {
        void run() throws Exception;
    }

    /**
     * Runs {@code steps}; a failure is recorded as {@code prefix.error} (and its trace as
     * {@code prefix.error_trace}) for the steps' own test case to report, and its time as
     * {@code prefix.wall_ms}.
     */
    void guarded(String prefix, Steps steps) {
        long start = System.nanoTime();
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            put(prefix + ".error", String.valueOf(e)).put(prefix + ".error_trace", trace.toString());
        } finally {
            // What each step costs of the lab's time: where to look when a run grows long.
            put(prefix + ".wall_ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    boolean failed() {
        return values.containsKey("error");
    }

    void fail(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        put("error", t.toString());
        put("error.trace", trace.toString());
    }

    void write(Path file) {
        StringBuilder text = new StringBuilder("# measured in the lab VM\n");
        values.forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String v) {
        StringBuilder out = new StringBuilder();
        for (char c : v.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
