package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

/**
 * The one lab boot that all lab test cases of a {@code mvn verify} share: booted by the first
 * test case that asks, then read by each. With {@code CI=true} a lab that cannot run fails every
 * lab test case; elsewhere they are skipped with a message that says how to get the lab.
 */
public final class LabRun {
    private static LabRun shared;

    private final Path out;
    private final String unavailable;
    private final boolean ci;

    LabRun(Path out, String unavailable, boolean ci) {
        this.out = out;
        this.unavailable = unavailable;
        this.ci = ci;
    }

    public static synchronized LabRun shared() {
        if (shared == null) {
            shared = boot();
        }
        return shared;
    }

    private static LabRun boot() {
        LabHost host = LabHost.fromSystemProperties();
        try {
            Optional<String> reason = host.unavailableReason();
            if (reason.isPresent()) {
                return new LabRun(null, reason.get(), LabHost.inCi());
            }
            String only = System.getProperty("lab.scenarios", "").strip();
            List<String> scenarios = only.isEmpty() ? List.of() : Arrays.asList(only.split(","));
            long minutes = Long.getLong("bondtray.lab.timeout.minutes", 20);
            long start = System.nanoTime();
            Path out = new LabVm(host).run(scenarios, Duration.ofMinutes(minutes));
            System.out.printf("lab: one VM boot ran the scenarios in %.1f s; results and logs in %s%n",
                    (System.nanoTime() - start) / 1e9, out);
            return new LabRun(out, null, LabHost.inCi());
        } catch (IOException e) {
            return new LabRun(null, "the lab could not start: " + e, LabHost.inCi());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LabRun(null, "interrupted while the lab ran", LabHost.inCi());
        }
    }

    /** What the scenario measured; the calling test case fails or skips if the lab could not run it. */
    public ScenarioResult scenario(String name) {
        if (unavailable != null) {
            if (ci) {
                fail("lab unavailable in CI: " + unavailable);
            }
            Assumptions.assumeTrue(unavailable == null, "lab skipped: " + unavailable);
        }
        Path file = out.resolve(name + ".properties");
        if (!Files.exists(file)) {
            fail("scenario " + name + " left no results; " + whyNoResults());
        }
        Properties p = null;
        try {
            p = load(file);
        } catch (IOException e) {
            fail("cannot read " + file, e);
        }
        ScenarioResult result = new ScenarioResult(name, p, out);
        result.requireNoError();
        return result;
    }

    /** The record of figures {@code scenario} wrote, from the one lab boot; see {@link ScenarioResult#figures}. */
    public static <R extends Record> R figures(String scenario, Class<R> type) {
        return shared().scenario(scenario).figures(type);
    }

    /** A results file the guest wrote ({@code <scenario>.properties}, {@code topology.properties}). */
    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    private String whyNoResults() {
        try {
            Path topology = out.resolve("topology.properties");
            if (Files.exists(topology)) {
                Properties p = load(topology);
                if (p.containsKey("error")) {
                    return "the topology failed: " + p.getProperty("error.trace") + "\nlogs: " + out;
                }
            }
            if (Files.exists(out.resolve("timeout"))) {
                return Files.readString(out.resolve("timeout")) + "logs: " + out;
            }
            return "the VM stopped early; see " + out.resolve("console.log") + " and " + out.resolve("stage2.log");
        } catch (IOException e) {
            return "and its folder is unreadable: " + e;
        }
    }
}
