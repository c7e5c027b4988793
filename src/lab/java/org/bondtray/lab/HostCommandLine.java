package org.bondtray.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's cost on the host ({@code ./bench --host}): {@code bondtray status} as a user
 * runs it, with the package's launcher, against the shipped helper on the private bus, from the
 * AOT cache that its first command has the launcher make in the background. Per run: the time
 * until it returns, and the CPU time of the launcher and its JVM (the shell's {@code times}).
 */
final class HostCommandLine {
    /** One run: until the command returned; the CPU time its processes used. */
    record Run(long wallMs, long cpuMs) {
    }

    /** {@code times}' second line: the children's user and system time, as "0m0.150000s". */
    private static final Pattern CHILDREN = Pattern.compile("(?m)\\A.*\\n(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    private HostCommandLine() {
    }

    static List<Run> measure(Path lib, Path dir, String bus, int runs) throws Exception {
        Path launcher = HostFootprint.userLauncher(lib, dir);
        Path cache = dir.resolve("cache");
        // The first command: the launcher makes the cache in the background, as after a user's first command.
        status(launcher, cache, bus);
        HostFootprint.awaitFile("the command line's AOT cache", cache.resolve("bondtray"), ".aot", Duration.ofSeconds(120));
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(status(launcher, cache, bus));
        }
        return measured;
    }

    private static Run status(Path launcher, Path cache, String bus) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "\"$0\" status >/dev/null 2>&1; times", launcher.toString());
        Map<String, String> env = pb.environment();
        env.put("DBUS_SYSTEM_BUS_ADDRESS", bus);
        env.put("XDG_CACHE_HOME", cache.toString());
        long t0 = System.nanoTime();
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        Matcher m = CHILDREN.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no CPU times from the shell: " + out);
        }
        double cpu = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
        return new Run(wallMs, Math.round(cpu * 1000));
    }

    static String table(List<Run> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        double[] wall = runs.stream().mapToDouble(r -> r.wallMs() / 1000.0).toArray();
        double[] cpu = runs.stream().mapToDouble(r -> r.cpuMs() / 1000.0).toArray();
        return "\n| the command line, `bondtray status`, the helper on the bus | start → returned | CPU time (launcher and JVM) |\n"
                + "| --- | --- | --- |\n| as shipped, from its AOT cache | " + HostFootprint.range(wall, "%.2f s") + " | "
                + HostFootprint.range(cpu, "%.2f s") + " |\n";
    }
}
