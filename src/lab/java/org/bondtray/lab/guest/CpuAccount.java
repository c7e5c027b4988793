package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the guest's CPU went during one scenario, by process. Under emulation the guest's CPU is
 * what a lab run waits for, so this tells which work to make cheaper. A process counts what it
 * used and what its children used once it reaped them: a command line's JVM is charged to the
 * lab's runner that waited for it, a service's to systemd.
 */
final class CpuAccount {
    private static final double TICKS_PER_SECOND = 100.0;

    /** The long-lived JVMs whose threads are accounted one by one: where a day's CPU would go. */
    private static final java.util.Set<String> BY_THREAD = java.util.Set.of("Tray", "HelperMain");

    private final Map<String, long[]> start = ticks();
    private final Map<String, Long> startThreads = threads();
    private final long startTotal = total();

    /**
     * What the scenario cost: the guest's busy seconds, and the costliest processes, each as its
     * own seconds and, after a plus, its reaped children's.
     */
    void report(Results r) {
        Map<String, long[]> now = ticks();
        r.put("cpu.busy_s", String.format(java.util.Locale.ROOT, "%.1f", (total() - startTotal) / TICKS_PER_SECOND));
        r.put("cpu.top", now.entrySet().stream()
                .map(e -> {
                    long[] before = start.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - before[0], e.getValue()[1] - before[1]});
                })
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
                .limit(14)
                .map(e -> String.format(java.util.Locale.ROOT, "%s=%.1f+%.1f", e.getKey(), e.getValue()[0] / TICKS_PER_SECOND,
                        e.getValue()[1] / TICKS_PER_SECOND))
                .collect(Collectors.joining(" ")));
        r.put("cpu.threads", threads().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - startThreads.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(10)
                .map(e -> String.format(java.util.Locale.ROOT, "%s=%.1f", e.getKey(), e.getValue() / TICKS_PER_SECOND))
                .collect(Collectors.joining(" ")));
    }

    /** The CPU ticks of each thread of the tray's and the helper's JVMs, by "name/pid:thread". */
    private static Map<String, Long> threads() {
        Map<String, Long> all = new HashMap<>();
        eachProcess((p, stat) -> {
            String who = what(p, name(stat));
            if (BY_THREAD.contains(who)) {
                try (Stream<Path> tasks = Files.list(p.resolve("task"))) {
                    for (Path t : tasks.toList()) {
                        String ts = Files.readString(t.resolve("stat"));
                        long[] f = fields(ts);
                        all.merge(who + "/" + p.getFileName() + ":" + name(ts).replace(' ', '_'), f[0] + f[1], Long::sum);
                    }
                }
            }
        });
        return all;
    }

    /** Each living process's CPU ticks and its reaped children's, by "name/pid". */
    private static Map<String, long[]> ticks() {
        Map<String, long[]> all = new HashMap<>();
        eachProcess((p, stat) -> {
            long[] f = fields(stat);
            all.put(what(p, name(stat)) + "/" + p.getFileName(), new long[] {f[0] + f[1], f[2] + f[3]});
        });
        return all;
    }

    private interface ProcessSeen {
        void seen(Path proc, String stat) throws IOException;
    }

    /** Calls {@code seen} with each living process's folder and stat line. */
    private static void eachProcess(ProcessSeen seen) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    seen.seen(p, Files.readString(p.resolve("stat")));
                } catch (IOException | RuntimeException gone) {
                    // Ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            // No /proc listing: nothing to account, and the scenario's results say so by an empty top.
        }
    }

    /** A stat line's name: between the first parenthesis and the last, as it may hold either. */
    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** A stat line's utime, stime, cutime and cstime, in ticks. */
    private static long[] fields(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(after[11]), Long.parseLong(after[12]), Long.parseLong(after[13]),
                Long.parseLong(after[14])};
    }

    /** A JVM by its main class (the lab's, the helper, the command line; the tray as Tray), anything else by its name. */
    private static String what(Path proc, String name) {
        if (!name.equals("java")) {
            return name;
        }
        try {
            String[] args = Files.readString(proc.resolve("cmdline")).split("\0");
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("org.bondtray.")) {
                    // The tray is the command line's "bondtray tray".
                    boolean tray = args[i].endsWith(".Cli") && i + 1 < args.length && args[i + 1].equals("tray");
                    return tray ? "Tray" : args[i].substring(args[i].lastIndexOf('.') + 1);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // Ended meanwhile: its name will do.
        }
        return name;
    }

    /** The guest's busy ticks over all CPUs: /proc/stat's first line without idle and iowait. */
    private static long total() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long sum = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    sum += Long.parseLong(f[i]);
                }
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
