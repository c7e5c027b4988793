package org.bondtray.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.bondtray.api.BondtrayBus;
import org.bondtray.testing.PrivateBus;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.sni.DBusMenu;
import org.bondtray.tray.sni.SniNames;
import org.bondtray.tray.sni.StatusNotifierWatcher;
import org.bondtray.testing.VirtualDesktop;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The helper's cost on the machine that runs the build ({@code ./bench --host}): the packaged
 * launcher, as the package installs it, started on a private system bus, a kernel without a
 * bonding driver (the host's). Per run: start to bus name, resident memory and threads once it is
 * idle, and its context switches over an idle window (each one a wake-up of one of its threads).
 * The launcher is run as shipped, then with one of its choices taken out at a time, so each line
 * says what that choice saves. Not a test: it judges nothing, it measures.
 */
public final class HostFootprint {
    /** What the launcher is run as: its text, changed by {@code edit}. */
    record Variant(String name, UnaryOperator<String> edit) {
    }

    /**
     * The tray's memory around a window: with the status window open (opened from its menu as a
     * panel's click opens it), and a minute after Escape closed it.
     */
    record WindowRun(long openMs, long openKb, long openAnonKb, long closedKb, long closedAnonKb,
            long closedWakeupsPerMinute, Map<String, Long> closedByThread) {
    }

    /** The tray's runs: idle with no window opened, and around its status window. */
    record TrayRuns(List<Run> idle, List<WindowRun> windows) {
    }

    /** One run's figures. */
    record Run(long startMs, long rssKb, long anonKb, int threads, long wakeupsPerMinute, Map<String, Long> byThread) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("as shipped", s -> s),
            new Variant("without the class archive", s -> s.replace("if [ -d \"$cache\" ]", "if false")),
            new Variant("an AOT cache of loaded classes (JEP 483, -XX:-AOTClassLinking) in place of the class archive",
                    HostFootprint::aotCache),
            new Variant("with compact object headers (-XX:+UseCompactObjectHeaders)",
                    s -> s.replace("exec \"$java\" -XX:+UseSerialGC", "exec \"$java\" -XX:+UseCompactObjectHeaders -XX:+UseSerialGC")),
            new Variant("with one malloc arena per thread kind (MALLOC_ARENA_MAX=2)",
                    s -> s.replace("exec \"$java\" -XX:+UseSerialGC", "MALLOC_ARENA_MAX=2 exec \"$java\" -XX:+UseSerialGC")),
            new Variant("without the small heap (-Xms12m -Xmx96m, free ratios 5/20)",
                    s -> s.replace("-Xms12m -Xmx96m -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20", "")),
            new Variant("without C1 only (-XX:TieredStopAtLevel=1)", s -> s.replace("-XX:TieredStopAtLevel=1", "")),
            new Variant("without the monitor-deflation backstop (AsyncDeflationInterval=0)",
                    s -> s.replace("-XX:AsyncDeflationInterval=0", "")),
            new Variant("without the service thread's clean-up once a minute (ServiceThreadCleanupInterval=60000)",
                    s -> s.replace("-XX:ServiceThreadCleanupInterval=60000", "")));

    /**
     * The launcher with the AOT cache it had before the class archive came back: classes
     * loaded, not linked ahead (linked ahead, every start crashed in the lab with Temurin 25.0.3).
     */
    static String aotCache(String launcher) {
        String archive = "set -- -XX:SharedArchiveFile=\"$cache/helper.jsa\" -XX:+AutoCreateSharedArchive";
        if (!launcher.contains(archive)) {
            throw new IllegalStateException("the launcher no longer makes a class archive as this variant expects");
        }
        return launcher.replace(archive, "[ -f \"$cache/helper.aot\" ] && aot=-XX:AOTCache=\"$cache/helper.aot\" "
                + "|| aot=-XX:AOTCacheOutput=\"$cache/helper.aot\"\n    set -- \"$aot\" -XX:-AOTClassLinking");
    }

    private final Path lib;
    private final Path work;
    private final Duration idle;

    HostFootprint(Path lib, Path work, Duration idle) {
        this.lib = lib;
        this.work = work;
        this.idle = idle;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        // The tray's rows alone, when only its launcher changed.
        boolean trayOnly = List.of(args).contains("--tray");
        Path project = Path.of(System.getProperty("bondtray.project.dir", "."));
        Path lib = project.resolve("target/package/root/usr/lib/bondtray");
        if (!Files.isExecutable(lib.resolve("bondtray-helper")) || !PrivateBus.available()) {
            System.err.println("host footprint: needs the package tree (mvn package) and dbus-daemon");
            System.exit(1);
        }
        Path out = Path.of(System.getProperty("bondtray.lab.dir", project.resolve("target/lab").toString()))
                .resolve("benchmark");
        Path work = Files.createDirectories(out.resolve("host"));
        int runs = quick ? 1 : 2;
        Duration idle = Duration.ofSeconds(quick ? 20 : 60);
        System.out.println("host footprint: the packaged helper on a private bus, " + VARIANTS.size() + " variants × "
                + runs + " runs, " + idle.toSeconds() + " s idle each…");
        HostFootprint bench = new HostFootprint(lib, work, idle);
        Map<Variant, List<Run>> results = new LinkedHashMap<>();
        TrayRuns tray = new TrayRuns(List.of(), List.of());
        List<HostCommandLine.Run> cli = List.of();
        try (PrivateBus bus = new PrivateBus(Files.createDirectories(work.resolve("bus")))) {
            for (Variant v : trayOnly ? VARIANTS.subList(0, 1) : VARIANTS) {
                results.put(v, bench.measure(v, runs, bus.address()));
                System.out.println("  " + v.name() + ": " + results.get(v));
            }
            tray = bench.tray(runs, bus.address());
            System.out.println("  the tray: " + tray);
            cli = bench.commandLine(quick ? 5 : 10, bus.address());
            System.out.println("  the command line: " + cli);
        }
        String table = table(results, "Measured " + LocalDate.now() + " on the host (" + LabBenchmark.machine()
                + "), the package tree's "
                + "launcher and runtime, a private bus, no bonding driver; " + runs + (runs == 1 ? " run" : " runs") + " each, " + idle.toSeconds()
                + " s idle window 20 s after the bus name. Reproduce: `./bench --host`" + (quick ? " (this run: `--quick`)" : "")
                + ".");
        table += HostCommandLine.table(cli) + "\n" + trayTable(tray.idle()) + windowTable(tray.windows());
        Files.writeString(out.resolve("host.md"), table + "\n", StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(table);
    }

    /** One unmeasured run first, so the class archive the launcher has the JVM write exists; then {@code runs}. */
    List<Run> measure(Variant v, int runs, String bus) throws Exception {
        Path dir = work.resolve("variant-" + VARIANTS.indexOf(v));
        LabVm.deleteTree(dir);
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("etc"));
        Path launcher = dir.resolve("bondtray-helper");
        String text = Files.readString(lib.resolve("bondtray-helper"))
                .replace("lib=/usr/lib/bondtray", "lib='" + lib + "'")
                .replace("logs=/var/log/bondtray", "logs='" + dir.resolve("logs") + "'")
                .replace("cache=/var/cache/bondtray", "cache='" + dir.resolve("cache") + "'");
        Files.writeString(launcher, v.edit().apply(text));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        run(launcher, dir, bus, false);
        List<Run> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            measured.add(run(launcher, dir, bus, true));
        }
        return measured;
    }

    /** The helper's launcher on the private bus {@code bus}, its configuration in {@code etc}. */
    private static Process startHelper(Path launcher, Path etc, String bus, Path log) throws IOException {
        return new ProcessBuilder(launcher.toString(), "--bus", bus, "--config-dir", etc.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Run run(Path launcher, Path dir, String bus, boolean idleToo) throws Exception {
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bus).build()) {
            DBus daemon = client.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            long t0 = System.nanoTime();
            Process p = startHelper(launcher, dir.resolve("etc"), bus, dir.resolve("helper.log"));
            try {
                long deadline = t0 + Duration.ofSeconds(30).toNanos();
                while (!daemon.NameHasOwner(BondtrayBus.BUS_NAME)) {
                    if (System.nanoTime() > deadline || !p.isAlive()) {
                        throw new IOException("the helper did not take its bus name; see " + dir.resolve("helper.log"));
                    }
                    Thread.sleep(5);
                }
                long startMs = (System.nanoTime() - t0) / 1_000_000;
                if (!idleToo) {
                    return new Run(startMs, 0, 0, 0, 0, Map.of());
                }
                Thread.sleep(20_000);
                long pid = p.pid();
                Map<String, Long> delta = wakeups(pid);
                return new Run(startMs, status(pid, "VmRSS"), status(pid, "RssAnon"), (int) status(pid, "Threads"), total(delta),
                        delta);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** {@code bondtray status} against the shipped helper: see {@link HostCommandLine}. */
    List<HostCommandLine.Run> commandLine(int runs, String bus) throws Exception {
        Path dir = work.resolve("cli");
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bus).build()) {
            DBus daemon = client.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            Process helper = startHelper(work.resolve("variant-0/bondtray-helper"), work.resolve("variant-0/etc"), bus,
                    work.resolve("cli-helper.log"));
            try {
                VirtualDesktop.waitFor("the helper on the bus", () -> daemon.NameHasOwner(BondtrayBus.BUS_NAME));
                return HostCommandLine.measure(lib, dir, bus, runs);
            } finally {
                helper.destroy();
                helper.waitFor();
            }
        }
    }

    /**
     * The tray as a desktop user starts it ({@code bondtray tray}, the package's launcher) on a
     * desktop of real programs (Xvfb, xfce4-panel's status tray, dunst), following the shipped
     * helper on the private system bus, with the package's icon theme; no window opened. Its
     * figures 45 s after start; then the status window opened and closed ({@link #statusWindow}).
     */
    TrayRuns tray(int runs, String bus) throws Exception {
        if (!VirtualDesktop.PROGRAMS.keySet().stream().allMatch(HostFootprint::onPath)) {
            System.err.println("host footprint: no tray figures without " + VirtualDesktop.PROGRAMS.values());
            return new TrayRuns(List.of(), List.of());
        }
        Path dir = work.resolve("tray");
        Path launcher = userLauncher(lib, dir);
        Path helperLauncher = work.resolve("variant-0/bondtray-helper");
        // The package's icon theme, which the installed tray reads before it registers its icon.
        Path icons = lib.getParent().getParent().resolve("share/icons");
        List<Run> measured = new ArrayList<>();
        List<WindowRun> windows = new ArrayList<>();
        Process helper = startHelper(helperLauncher, work.resolve("variant-0/etc"), bus, dir.resolve("helper.log"));
        try (VirtualDesktop desktop = new VirtualDesktop(Files.createDirectories(dir.resolve("home")));
             DBusConnection panel = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build()) {
            Properties watcher = panel.getRemoteObject(SniNames.WATCHER_NAME, SniNames.WATCHER_PATH, Properties.class);
            VirtualDesktop.waitFor("the panel's StatusNotifierWatcher", () -> VirtualDesktop.trayItemOwners(watcher) != null);
            // The panel's watcher says when an icon registers, to the millisecond, where asking
            // it for its list would add up to the asking's interval.
            AtomicLong registeredAt = new AtomicLong();
            AutoCloseable registered = panel.addSigHandler(StatusNotifierWatcher.StatusNotifierItemRegistered.class,
                    s -> registeredAt.compareAndSet(0, System.nanoTime()));
            // The first run lists the tray's classes; the launcher makes its class archive from
            // that list once it has ended, as after the first logout.
            for (int i = 0; i <= runs; i++) {
                List<String> listed = VirtualDesktop.trayItemOwners(watcher);
                registeredAt.set(0);
                long t0 = System.nanoTime();
                Process p = desktop.launch(dir.resolve("tray.log"), Map.of("DBUS_SYSTEM_BUS_ADDRESS", bus,
                        "JDK_JAVA_OPTIONS", "-Dbondtray.icons=" + icons), launcher.toString(), "tray");
                try {
                    // Start → the panel lists its icon: what a user waits for after login.
                    VirtualDesktop.waitFor("the tray's icon registered", () -> VirtualDesktop.trayItemOwners(watcher).stream()
                            .anyMatch(o -> !listed.contains(o)));
                    long registeredMs = ((registeredAt.get() != 0 ? registeredAt.get() : System.nanoTime()) - t0) / 1_000_000;
                    Thread.sleep(45_000 - idle.toMillis() / 2);
                    long pid = javaPid(p);
                    Map<String, Long> delta = wakeups(pid);
                    if (i > 0) {
                        measured.add(new Run(registeredMs, status(pid, "VmRSS"), status(pid, "RssAnon"), (int) status(pid, "Threads"),
                                total(delta), delta));
                        windows.add(statusWindow(desktop, panel, watcher, listed, pid));
                    }
                } finally {
                    p.destroy();
                    p.waitFor();
                }
                if (i == 0) {
                    long ended = System.nanoTime();
                    awaitFile("the tray's class archive", dir.resolve("home/cache/bondtray"), ".jsa", Duration.ofSeconds(90));
                    System.out.printf("  the tray's class archive made %.1f s after its first run ended%n",
                            (System.nanoTime() - ended) / 1e9);
                }
            }
            registered.close();
        } finally {
            helper.destroy();
            helper.waitFor();
        }
        return new TrayRuns(measured, windows);
    }

    /**
     * Opens the status window with a click on the tray's menu, as a panel sends it; closes it with
     * Escape, typed into it as a user would (the desktop has no window manager to focus it: xdotool
     * does); the tray's RSS with it open, and a minute after it closed, with its wake-ups over the
     * end of that minute: a closed window should leave the tray as idle as before it opened.
     */
    private WindowRun statusWindow(VirtualDesktop desktop, DBusConnection panel, Properties watcher,
            List<String> before, long pid) throws Exception {
        String owner = VirtualDesktop.trayItemOwners(watcher).stream().filter(o -> !before.contains(o)).findFirst()
                .orElseThrow();
        DBusMenu menu = panel.getRemoteObject(owner, SniNames.MENU_PATH, DBusMenu.class);
        long t0 = System.nanoTime();
        menu.Event(TrayMenuModel.STATUS_ITEM, "clicked", new org.freedesktop.dbus.types.Variant<>(0), new UInt32(0));
        // xdotool finds nothing with exit 1: an empty answer here.
        String[] find = {"sh", "-c", "xdotool search --onlyvisible --name '^Bondtray status$' || true"};
        VirtualDesktop.waitFor("the status window on the display", () -> !desktop.run(find).isBlank());
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(5_000);
        long openKb = status(pid, "VmRSS");
        long openAnonKb = status(pid, "RssAnon");
        String window = desktop.run(find).strip().lines().findFirst().orElseThrow();
        desktop.run("xdotool", "windowfocus", "--sync", window, "key", "Escape");
        VirtualDesktop.waitFor("the status window closed by Escape", () -> desktop.run(find).isBlank());
        Thread.sleep(60_000 - idle.toMillis());
        Map<String, Long> closed = wakeups(pid);
        return new WindowRun(openMs, openKb, openAnonKb, status(pid, "VmRSS"), status(pid, "RssAnon"), total(closed),
                closed);
    }

    static String windowTable(List<WindowRun> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        return "\n| the tray's status window, opened from its menu, closed with Escape | click → shown | RSS with it open"
                + " (anonymous) | RSS a minute after it closed (anonymous) | wake-ups per minute then |\n"
                + "| --- | --- | --- | --- | --- |\n| as shipped | "
                + range(runs.stream().mapToDouble(r -> r.openMs() / 1000.0).toArray(), "%.2f s") + " | "
                + range(runs.stream().mapToDouble(r -> r.openKb() / 1024.0).toArray(), "%.1f MB") + " ("
                + range(runs.stream().mapToDouble(r -> r.openAnonKb() / 1024.0).toArray(), "%.1f MB") + ") | "
                + range(runs.stream().mapToDouble(r -> r.closedKb() / 1024.0).toArray(), "%.1f MB") + " ("
                + range(runs.stream().mapToDouble(r -> r.closedAnonKb() / 1024.0).toArray(), "%.1f MB") + ") | "
                + range(runs.stream().mapToDouble(WindowRun::closedWakeupsPerMinute).toArray(), "%.0f") + " |\n"
                + "\nWho wakes in the tray after its window closed, per minute (first run): "
                + byThread(runs.getFirst().closedByThread()) + ".\n";
    }

    /**
     * The package's {@code bondtray} launcher in a new folder {@code dir}, pointed at the package
     * tree {@code lib}: the command line and the tray as a user runs them.
     */
    static Path userLauncher(Path lib, Path dir) throws IOException {
        LabVm.deleteTree(dir);
        Files.createDirectories(dir);
        Path launcher = dir.resolve("bondtray");
        Files.writeString(launcher, Files.readString(lib.getParent().getParent().resolve("bin/bondtray"))
                .replace("lib=/usr/lib/bondtray", "lib='" + lib + "'"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    /**
     * Waits until {@code dir} holds a file whose name ends in {@code suffix}: a cache the
     * launcher makes in the background, put in place whole by a rename.
     */
    static void awaitFile(String what, Path dir, String suffix, Duration timeout) throws InterruptedException {
        VirtualDesktop.waitFor(what, timeout, () -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
            }
        });
    }

    /** The launcher execs the JVM, so the process is the JVM; this waits for the exec to have happened. */
    private static long javaPid(Process p) throws IOException {
        String exe = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "exe")).toString();
        if (!exe.endsWith("/java")) {
            throw new IOException("the tray's launcher did not become java: " + exe);
        }
        return p.pid();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /** Each thread's wake-ups a minute, counted over the idle window that starts now. */
    private Map<String, Long> wakeups(long pid) throws IOException, InterruptedException {
        Map<String, Long> before = switchesByThread(pid);
        Thread.sleep(idle.toMillis());
        Map<String, Long> delta = new TreeMap<>();
        switchesByThread(pid).forEach((name, n) -> {
            long d = n - before.getOrDefault(name, 0L);
            if (d > 0) {
                delta.put(name, d * 60_000 / idle.toMillis());
            }
        });
        return delta;
    }

    private static long total(Map<String, Long> byThread) {
        return byThread.values().stream().mapToLong(Long::longValue).sum();
    }

    static String trayTable(List<Run> runs) {
        if (runs.isEmpty()) {
            return "";
        }
        return "| the tray, no window opened, 45 s after start | start → icon registered | idle RSS | of it anonymous | threads | wake-ups per minute, idle |\n"
                + "| --- | --- | --- | --- | --- | --- |\n"
                + "| as shipped, on xfce4-panel's status tray (Xvfb) | "
                + range(runs.stream().mapToDouble(r -> r.startMs() / 1000.0).toArray(), "%.2f s") + " | "
                + range(runs.stream().mapToDouble(r -> r.rssKb() / 1024.0).toArray(), "%.1f MB") + " | "
                + range(runs.stream().mapToDouble(r -> r.anonKb() / 1024.0).toArray(), "%.1f MB") + " | "
                + range(runs.stream().mapToDouble(Run::threads).toArray(), "%.0f") + " | "
                + range(runs.stream().mapToDouble(Run::wakeupsPerMinute).toArray(), "%.0f") + " |\n"
                + "\nWho wakes in the tray, per minute idle (first run): " + byThread(runs.getFirst()) + ".\n";
    }

    private static String byThread(Run r) {
        return byThread(r.byThread());
    }

    private static String byThread(Map<String, Long> byThread) {
        return byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey().replaceAll(" \\d+$", "") + " " + e.getValue())
                .reduce((x, y) -> x + ", " + y).orElse("nobody");
    }

    /** Each thread's context switches so far, by "name" (a thread id added where names repeat). */
    static Map<String, Long> switchesByThread(long pid) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    long n = 0;
                    for (String l : Files.readAllLines(t.resolve("status"))) {
                        if (l.startsWith("voluntary_ctxt_switches:") || l.startsWith("nonvoluntary_ctxt_switches:")) {
                            n += Long.parseLong(l.substring(l.indexOf(':') + 1).strip());
                        }
                    }
                    out.merge(name + " " + t.getFileName(), n, Long::sum);
                } catch (IOException e) {
                    // The thread ended between the listing and the read.
                }
            }
        }
        return out;
    }

    /** A number field of /proc/PID/status ("VmRSS" in kB, "Threads"). */
    static long status(long pid, String field) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith(field + ":")) {
                return Long.parseLong(l.substring(l.indexOf(':') + 1).replace("kB", "").strip());
            }
        }
        return -1;
    }

    static String table(Map<Variant, List<Run>> results, String caption) {
        StringBuilder b = new StringBuilder("| the helper | start → bus name | idle RSS | of it anonymous | threads | wake-ups per minute, idle |\n");
        b.append("| --- | --- | --- | --- | --- | --- |\n");
        results.forEach((v, runs) -> b.append("| ").append(v.name()).append(" | ")
                .append(range(runs.stream().mapToDouble(r -> r.startMs() / 1000.0).toArray(), "%.2f s")).append(" | ")
                .append(range(runs.stream().mapToDouble(r -> r.rssKb() / 1024.0).toArray(), "%.1f MB")).append(" | ")
                .append(range(runs.stream().mapToDouble(r -> r.anonKb() / 1024.0).toArray(), "%.1f MB")).append(" | ")
                .append(range(runs.stream().mapToDouble(Run::threads).toArray(), "%.0f")).append(" | ")
                .append(range(runs.stream().mapToDouble(Run::wakeupsPerMinute).toArray(), "%.0f")).append(" |\n"));
        List<Run> shipped = results.values().iterator().next();
        b.append("\nWho wakes in the shipped helper, per minute idle (first run): ")
                .append(byThread(shipped.getFirst())).append(".\n");
        return caption + "\n\n" + b;
    }

    static String range(double[] values, String format) {
        double min = java.util.Arrays.stream(values).min().orElse(0);
        double max = java.util.Arrays.stream(values).max().orElse(0);
        String lo = String.format(java.util.Locale.ROOT, format, min);
        return min == max ? lo : lo.replaceAll(" .*", "") + "–" + String.format(java.util.Locale.ROOT, format, max);
    }
}
