package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.bondtray.lab.guest.Figures;

/** The figures one lab scenario wrote, read by its host-side test case. */
public final class ScenarioResult {
    private final String name;
    private final Properties values;
    private final Path logs;

    ScenarioResult(String name, Properties values, Path logs) {
        this.name = name;
        this.values = values;
        this.logs = logs;
    }

    void requireNoError() {
        String error = values.getProperty("error");
        if (error != null) {
            fail("scenario " + name + " failed in the VM: " + values.getProperty("error.trace", error)
                    + "\nmeasured before that:\n" + measured() + "the helper's last words:\n" + helperTail()
                    + "logs: " + logs);
        }
    }

    /** Everything the scenario wrote before it failed: CI keeps the report, not the VM's files. */
    private String measured() {
        StringBuilder s = new StringBuilder();
        new java.util.TreeSet<>(values.stringPropertyNames()).stream().filter(k -> !k.startsWith("error"))
                .forEach(k -> s.append(String.format("  %-28s %s%n", k, values.getProperty(k))));
        return s.toString();
    }

    /** The steps of the scenario that failed, and why: what may have kept a figure from being measured. */
    private String stepErrors() {
        StringBuilder s = new StringBuilder();
        new java.util.TreeSet<>(values.stringPropertyNames()).stream().filter(k -> k.endsWith(".error"))
                .forEach(k -> s.append("\n  ").append(k).append(": ")
                        .append(values.getProperty(k + "_trace", values.getProperty(k))));
        return s.isEmpty() ? "" : "; steps that failed:" + s;
    }

    /** The helper's journal from the end, at most 25 lines. */
    private String helperTail() {
        try {
            List<String> lines = Files.readAllLines(logs.resolve("logs/bondtray-helper.service.log"));
            StringBuilder s = new StringBuilder();
            lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(l -> s.append("  ").append(l).append('\n'));
            return s.toString();
        } catch (IOException | RuntimeException e) {
            return "  (no helper log: " + e.getMessage() + ")\n";
        }
    }

    /**
     * The scenario's record of figures, printed so the test report carries them. A figure it did
     * not write fails the test case with the scenario's name and the figure's.
     */
    public <R extends Record> R figures(Class<R> type) {
        try {
            R figures = Figures.read(type, values::getProperty);
            System.out.print("lab scenario " + name + ":\n" + measured());
            return figures;
        } catch (Figures.Missing e) {
            return fail("scenario " + name + " did not measure " + e.key() + stepErrors() + "; logs: " + logs);
        }
    }

    /** The value of {@code key}, or {@code fallback} when the scenario did not record it. */
    public String textOr(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public String text(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            fail("scenario " + name + " did not measure " + key + stepErrors() + "; logs: " + logs);
        }
        return v;
    }

    public long number(String key) {
        return Long.parseLong(text(key));
    }

    /** Prints the listed figures, one per line, so the test report carries them. */
    public void print(String... keys) {
        StringBuilder s = new StringBuilder("lab scenario ").append(name).append(":\n");
        for (String k : keys) {
            s.append(String.format("  %-28s %s%n", k, values.getProperty(k, "(not measured)")));
        }
        System.out.print(s);
    }
}
