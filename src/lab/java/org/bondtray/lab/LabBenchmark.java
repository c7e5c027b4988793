package org.bondtray.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.bondtray.lab.guest.Scenarios;

/**
 * The benchmark command ({@code ./bench}, {@code ./bench --quick}; {@code ./bench --host} is
 * {@link HostFootprint}, without a VM): boots the lab VM for the
 * benchmark scenario alone (Bondtray, NetworkManager and the wiki recipe, each under the same
 * cable cuts and restores, then the figures only Bondtray has), then writes the tables and the
 * chart to {@code target/lab/benchmark/} and prints the tables. Not a test: it judges nothing, it measures.
 */
public final class LabBenchmark {
    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private LabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // ./bench hands its options on as one argument.
        String[] options = String.join(" ", args).strip().split("\\s+");
        if (List.of(options).contains("--host")) {
            HostFootprint.main(options);
            return;
        }
        boolean quick = List.of(options).contains("--quick");
        String scenario = quick ? Scenarios.BENCHMARK_QUICK : Scenarios.BENCHMARK;
        long start = System.nanoTime();
        LabHost host = LabHost.fromSystemProperties();
        Optional<String> unavailable = host.unavailableReason();
        if (unavailable.isPresent()) {
            System.err.println("benchmark: " + unavailable.get());
            System.exit(1);
        }
        System.out.println("benchmark: booting the lab VM; Bondtray, NetworkManager and the wiki recipe each get the same "
                + (quick ? "2" : "20") + " cable cuts and restores, then Bondtray's own figures ("
                + (quick ? "about 8 minutes" : "about half an hour")
                + " under software emulation)…");
        Path out = new LabVm(host).run(List.of(scenario), TIMEOUT);
        Path resultFile = out.resolve(scenario + ".properties");
        Properties p = Files.exists(resultFile) ? LabRun.load(resultFile) : new Properties();
        if (p.getProperty("error") != null || !Files.exists(resultFile)) {
            System.err.println("benchmark: it did not run to the end: " + p.getProperty("error.trace",
                    p.getProperty("error", "no results")) + "\n  the VM's logs are in " + out);
            System.exit(1);
        }
        Path folder = host.workDir.resolve("benchmark");
        Files.createDirectories(folder);
        String machine = machine();
        String caption = LocalDate.now() + ", lab VM (Debian's kernel, 2 vCPUs, QEMU without KVM) on " + machine;
        BenchmarkReport report = new BenchmarkReport(p, Scenarios.CONTENDERS);
        String table = report.table("Measured " + caption + ". Reproduce: `./bench`" + (quick ? " (this run: `--quick`)" : "") + ".")
                + "\n" + report.kernelTable() + "\n" + report.bondtrayTable();
        Files.writeString(folder.resolve("benchmark.md"), table + "\n", StandardCharsets.UTF_8);
        report.chart(folder.resolve("benchmark.png"), caption);
        Files.copy(resultFile, folder.resolve("benchmark.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println();
        System.out.println(table);
        System.out.printf("%ntable, chart and raw figures in %s (%.0f min); reproduce with ./bench%s%n",
                folder.toAbsolutePath(), (System.nanoTime() - start) / 60e9, quick ? " --quick" : "");
    }

    /** "Intel Xeon … × 2" from /proc/cpuinfo: the machine kind the figures belong to. */
    static String machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String model = lines.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("an unknown CPU");
            long cores = lines.stream().filter(l -> l.startsWith("processor")).count();
            return model.replaceAll("\\s+", " ") + " × " + cores;
        } catch (java.io.IOException e) {
            return "an unknown machine";
        }
    }
}
