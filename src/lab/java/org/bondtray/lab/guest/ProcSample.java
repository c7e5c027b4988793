package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One look at a running process in /proc: resident memory, CPU time so far, context switches of
 * all its threads (each voluntary one is the process going to sleep and, later, a wakeup), its
 * threads and its open files. Two looks give what the process cost in between.
 */
record ProcSample(long rssKb, long cpuTicks, java.util.Map<String, Long> switchesByThread, int threads, int fds) {
    /** /proc counts CPU time in USER_HZ ticks, 100 a second on every Linux architecture this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcSample of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long rss = field(Files.readAllLines(proc.resolve("status")), "VmRSS:");
        // After the command name, which may hold spaces and parentheses: utime and stime are
        // the 14th and 15th fields of the line, the 12th and 13th after the name.
        String stat = Files.readString(proc.resolve("stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long cpu = Long.parseLong(after[11]) + Long.parseLong(after[12]);
        java.util.Map<String, Long> switches = new java.util.HashMap<>();
        int threads = 0;
        // The process's own status counts its first thread only; a JVM's work is in the others.
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    List<String> lines = Files.readAllLines(task.resolve("status"));
                    switches.put(task.getFileName().toString(), field(lines, "voluntary_ctxt_switches:")
                            + field(lines, "nonvoluntary_ctxt_switches:"));
                    threads++;
                } catch (IOException gone) {
                    // The thread ended between the listing and the read.
                }
            }
        }
        int fds;
        try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
            fds = (int) open.count();
        }
        return new ProcSample(rss, cpu, switches, threads, fds);
    }

    double cpuSecondsSince(ProcSample earlier) {
        return (cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND;
    }

    long contextSwitchesSince(ProcSample earlier) {
        return switchesSince(earlier.switchesByThread, switchesByThread);
    }

    /**
     * The context switches between two looks, thread by thread: a thread that ended in between
     * takes its count with it, so a sum over the whole process could even go down (the helper's
     * idle minute once read -18). A thread that started in between counts from zero.
     */
    static long switchesSince(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        return after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    private static long field(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
