package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.bondtray.testing.VirtualDesktop;
import org.bondtray.tray.sni.DBusMenu;
import org.bondtray.tray.sni.SniNames;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Bondtray as a user gets it: the build's .deb installed with dpkg, the helper started by D-Bus
 * activation on the first call, set up and read by the logged-in desktop user, then removed
 * with dpkg; and the same round with the noarch tarball's install and uninstall scripts. Each removal
 * must leave eth0 and wlan0 plain and working.
 */
final class PackageDrill implements Scenario {
    private static final String LAUNCHER = ProductPackage.LAUNCHER;
    private static final String LIB = ProductPackage.LIB;
    /** Where the installed helper's JVM keeps its classes to share at the next start. */
    private static final Path CLASS_ARCHIVE = Path.of("/var/cache/bondtray/helper.jsa");
    /** The packaged tray's cache folder in its desktop (XDG_CACHE_HOME/bondtray): its class archive. */
    private static final Path TRAY_CACHE = Path.of("/run/bondtray-packaged-tray/cache/bondtray");
    private static final Path UNPACKED = Path.of("/run/bondtray-tarball");

    @Override
    public boolean needsProduct() {
        return false;
    }

    @Override
    public void run(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        // The lab installed the package at boot; this round starts from a machine without it.
        r.put("preinstalled.remove_exit", lab.cmd().tryRun("dpkg", "-r", ProductPackage.NAME).exit());
        Path deb = ProductPackage.deb(lab.control());
        r.put("deb.file", deb.getFileName().toString());
        roundTrip(lab, r, "deb", wlan, new String[] {"dpkg", "-i", deb.toString()}, new String[] {"dpkg", "-r", "bondtray"},
                true);
        r.put("deb.dpkg_status_after", lab.cmd().tryRun("dpkg-query", "-W", "-f=${Status}", "bondtray").out().strip());

        // The noarch tarball: its install script, and the system's Java 25 instead of a runtime of
        // its own. The x86-64 tarball holds the .deb's files with the same script, so this round
        // proves both scripts and the noarch build's launchers at once.
        Path tarball = ProductPackage.noarch(lab.control());
        r.put("noarch.file", tarball.getFileName().toString());
        Files.createDirectories(UNPACKED);
        lab.cmd().run("tar", "-xzf", tarball.toString(), "-C", UNPACKED.toString());
        Path top = ProductPackage.only(UNPACKED, "bondtray-", "");
        roundTrip(lab, r, "noarch", wlan, new String[] {top.resolve("install").toString()},
                new String[] {LIB + "/uninstall"}, false);
    }

    /**
     * Installs, lets the desktop user set the bond up through an activated helper, reads its
     * status, removes, and checks what removal left: results under {@code prefix.}.
     */
    private void roundTrip(Lab lab, Results r, String prefix, String wlan, String[] install, String[] remove,
                           boolean tray) {
        r.guarded(prefix, () -> {
            Cmd cmd = lab.cmd();
            r.put(prefix + ".helper_on_bus_before", HelperProcess.onBus(cmd));
            long t0 = System.nanoTime();
            Cmd.Result in = cmd.tryRun(install);
            r.put(prefix + ".install_ms", ms(t0)).put(prefix + ".install_exit", in.exit())
                    .put(prefix + ".install_output", tail(in.out() + in.err()));
            r.put(prefix + ".launcher_installed", Files.isExecutable(Path.of(LAUNCHER)));
            r.put(prefix + ".activatable", cmd.tryRun("busctl", "--system", "call", "org.freedesktop.DBus",
                    "/org/freedesktop/DBus", "org.freedesktop.DBus", "ListActivatableNames").out()
                    .contains("\"org.bondtray.Helper\""));

            try {
                use(lab, r, prefix, tray);
                if (tray) {
                    r.guarded("step.upgrade", () -> PackageUpgrade.run(lab, r, ProductPackage.deb(lab.control())));
                    tray(lab, r, prefix);
                    legacyTray(lab, r, prefix);
                }
            } finally {
                keepCrashReports(lab, prefix);
                remove(lab, r, prefix, wlan, remove);
            }
        });
    }

    /** A JVM report the installed helper left (its launcher puts them there), kept with the logs. */
    private static void keepCrashReports(Lab lab, String prefix) throws IOException {
        Path reports = Path.of("/var/log/bondtray");
        if (!Files.isDirectory(reports)) {
            return;
        }
        try (Stream<Path> all = Files.list(reports)) {
            for (Path p : all.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
                Files.copy(p, lab.cmd().logDir().resolve(prefix + "-" + p.getFileName()));
            }
        }
    }

    /**
     * The desktop user sets the bond up through the activated helper and reads its status; in the
     * full round, the helper's class archive and the command line's AOT cache as well. The noarch
     * round leaves those two out: its launchers are the same files, and the lab's system Java is
     * the JDK the .deb's runtime was linked from, so they would prove nothing new for a minute of
     * emulated CPU.
     */
    private void use(Lab lab, Results r, String prefix, boolean full) {
        Cmd cmd = lab.cmd();
        long t1 = System.nanoTime();
        Cmd.Result setup = asUser(cmd, "setup");
        r.put(prefix + ".setup_ms", ms(t1)).put(prefix + ".setup_exit", setup.exit())
                .put(prefix + ".setup_output", tail(setup.out() + setup.err()));
        long pid = helperPid(cmd);
        r.put(prefix + ".helper_exe", pid > 0 ? readLink(Path.of("/proc", String.valueOf(pid), "exe")) : "");
        r.put(prefix + ".helper_jars", pid > 0 ? String.join(" ", classPathJars(pid)) : "");
        if (setup.exit() != 0) {
            throw new IllegalStateException("bondtray setup failed: " + tail(setup.out() + setup.err()));
        }
        r.put(prefix + ".up_ms", Wait.until("the packaged helper's bond to be up", Duration.ofSeconds(90),
                Duration.ofMillis(250), () -> BondReadings.up(lab)));
        long t2 = System.nanoTime();
        Cmd.Result status = asUser(cmd, "status");
        r.put(prefix + ".status_ms", ms(t2)).put(prefix + ".status_exit", status.exit())
                .put(prefix + ".status_output", status.out().strip());
        r.put(prefix + ".bond_ports", String.join(" ", new java.util.TreeSet<>(BondReadings.ports(lab))));
        if (full) {
            classArchive(cmd, r, prefix);
            commandLineCache(lab, r, prefix);
        }
    }

    /**
     * The helper's class archive: none after an install, written when the helper stops, and
     * mapped by the next start; the helper's own word on each start's time to its bus name.
     */
    private static void classArchive(Cmd cmd, Results r, String prefix) {
        r.put(prefix + ".class_archive.after_install", Files.exists(CLASS_ARCHIVE));
        // Type=dbus: systemctl returns once the new helper owns its name.
        cmd.run("systemctl", "restart", HelperProcess.UNIT);
        r.put(prefix + ".class_archive.after_stop", Files.exists(CLASS_ARCHIVE));
        long pid = helperPid(cmd);
        String maps = pid > 0 ? cmd.tryRun("cat", "/proc/" + pid + "/maps").out() : "";
        r.put(prefix + ".class_archive.mapped", maps.contains(CLASS_ARCHIVE.toString()));
        List<String> starts = java.util.regex.Pattern.compile("on the bus as \\S+ after (\\d+) ms")
                .matcher(HelperProcess.log(cmd)).results().map(m -> m.group(1)).toList();
        r.put(prefix + ".class_archive.starts_ms", String.join(" ", starts.subList(Math.max(0, starts.size() - 2), starts.size())));
        r.put(prefix + ".status_after_restart", asUser(cmd, "status").out().contains(": up"));
    }

    /**
     * The command line's AOT cache in alice's cache folder, which her first commands had the
     * launcher train in the background: once it is there, her {@code bondtray status} again,
     * which now maps it.
     */
    private static void commandLineCache(Lab lab, Results r, String prefix) {
        Path cache = Path.of("/home", Topology.USER, ".cache/bondtray");
        r.put(prefix + ".cli_cache_ms", Wait.untilOrTimeout(Duration.ofSeconds(120), Duration.ofMillis(500),
                () -> cliCaches(cache).stream().anyMatch(n -> n.endsWith(".aot"))));
        r.put(prefix + ".cli_cache", String.join(" ", cliCaches(cache)));
        long t0 = System.nanoTime();
        Cmd.Result status = asUser(lab.cmd(), "status");
        r.put(prefix + ".status_cached_ms", ms(t0)).put(prefix + ".status_cached_output", status.out().strip()
                + status.err().strip());
    }

    /** The command line's files in {@code cache}: the cache, or a training's files while it runs. */
    private static List<String> cliCaches(Path cache) {
        try (Stream<Path> all = Files.list(cache)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cli-")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * The installed {@code bondtray tray} on a virtual desktop: its icon registers with the
     * panel, and Status… from its menu opens a JavaFX window on the display, so the launcher's
     * runtime carries what the tray needs (JavaFX on the module path, AWT for the pixmaps).
     */
    private void tray(Lab lab, Results r, String prefix) throws Exception {
        Path home = Path.of("/run/bondtray-packaged-tray");
        Files.createDirectories(home);
        try (VirtualDesktop desktop = new VirtualDesktop(home)) {
            DBusConnection panel = DBusConnectionBuilder.forAddress(desktop.busAddress()).withShared(false).build();
            try {
                Properties watcher = panel.getRemoteObject(SniNames.WATCHER_NAME, SniNames.WATCHER_PATH, Properties.class);
                // Until the panel owns the watcher, asking it fails; waitFor retries.
                VirtualDesktop.waitFor("the panel's StatusNotifierWatcher", Duration.ofSeconds(60),
                        () -> VirtualDesktop.trayItemOwners(watcher) != null);
                long t0 = System.nanoTime();
                // A JVM failure report lands next to the log: with the logs.
                // JavaFX says which renderer it took, so the lab sees the launcher's choice.
                Path log = lab.cmd().logDir().resolve("packaged-tray.log");
                Process tray = desktop.launch(log, java.util.Map.of("JAVA_TOOL_OPTIONS", "-Dprism.verbose=true"),
                        LAUNCHER, "tray");
                try {
                    VirtualDesktop.waitFor("the packaged tray's icon", Duration.ofSeconds(90),
                            () -> !VirtualDesktop.trayItemOwners(watcher).isEmpty());
                    r.put(prefix + ".tray.registered_ms", ms(t0));
                    String owner = VirtualDesktop.trayItemOwners(watcher).get(0);
                    DBusMenu menu = panel.getRemoteObject(owner, SniNames.MENU_PATH, DBusMenu.class);
                    long clicked = System.nanoTime();
                    menu.Event(org.bondtray.tray.TrayMenuModel.STATUS_ITEM, "clicked", new Variant<>(0), new UInt32(0));
                    VirtualDesktop.waitFor("the status window on the display", Duration.ofSeconds(90),
                            () -> !desktop.run("xdotool", "search", "--name", "^Bondtray status$").isBlank());
                    r.put(prefix + ".tray.status_window_ms", ms(clicked));
                    r.put(prefix + ".tray.renderer", Files.readAllLines(log).stream()
                            .filter(l -> l.startsWith("Initialized prism pipeline: ")).findFirst()
                            .map(l -> l.substring(l.indexOf(':') + 2)).orElse("none said"));
                    // JavaFX's native libraries come from the package, not unpacked into the user's home.
                    Path unpacked = home.resolve(".openjfx");
                    try (Stream<Path> files = Files.exists(unpacked) ? Files.walk(unpacked) : Stream.empty()) {
                        r.put(prefix + ".tray.unpacked_natives", String.join(" ", files.filter(Files::isRegularFile)
                                .map(f -> f.getFileName().toString()).toList()));
                    }
                    Wait.sleep(Duration.ofSeconds(2));
                    desktop.screenshot(lab.cmd().logDir().getParent().resolve("packaged-tray-status.png"));
                    r.put(prefix + ".tray.alive", tray.isAlive());
                } finally {
                    tray.destroy();
                    // Its JVM adds the last of its class list as it ends.
                    tray.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                // A job the launcher left waits for the tray's end, then makes its class archive
                // from that list at the lowest priority: a minute or more under emulation.
                long ended = System.nanoTime();
                VirtualDesktop.waitFor("the tray's class archive", Duration.ofSeconds(300), () -> {
                    try (Stream<Path> archives = Files.list(TRAY_CACHE)) {
                        return archives.anyMatch(a -> a.toString().endsWith(".jsa"));
                    }
                });
                r.put(prefix + ".tray.archive_ms", ms(ended));
                try (Stream<Path> archives = Files.list(TRAY_CACHE)) {
                    r.put(prefix + ".tray.archives", String.join(" ", archives.map(a -> a.getFileName().toString())
                            .filter(n -> n.endsWith(".jsa")).toList()));
                }
            } finally {
                panel.disconnect();
            }
        }
    }

    /**
     * The installed {@code bondtray tray} where only an older system tray is (trayer, no
     * StatusNotifierWatcher): the runtime's AWT puts the icon there and draws its menu, which
     * takes the FreeType the runtime carries for it.
     */
    private void legacyTray(Lab lab, Results r, String prefix) throws Exception {
        Path home = Path.of("/run/bondtray-packaged-legacy-tray");
        Files.createDirectories(home);
        String p = prefix + ".legacy_tray";
        try (VirtualDesktop desktop = new VirtualDesktop(home, null, VirtualDesktop.Tray.TRAYER)) {
            Path shots = lab.cmd().logDir().getParent();
            VirtualDesktop.waitFor("trayer on the display", Duration.ofSeconds(60),
                    () -> !desktop.run("sh", "-c", "xdotool search --class '^trayer$' || true").isBlank());
            int empty = VirtualDesktop.coloursInCorner(desktop.screenshot(shots.resolve("packaged-legacy-tray-empty.png")));
            long t0 = System.nanoTime();
            // The same user's cache as the tray before: the class archive its JVM left is shared.
            Process tray = desktop.launch(lab.cmd().logDir().resolve("packaged-legacy-tray.log"),
                    java.util.Map.of("XDG_CACHE_HOME", TRAY_CACHE.getParent().toString()), LAUNCHER, "tray");
            try {
                // The helper is up with the bond: the icon is the cable's, found as new colours where trayer was plain.
                VirtualDesktop.waitFor("the packaged tray's icon in trayer", Duration.ofSeconds(120),
                        () -> VirtualDesktop.coloursInCorner(desktop.screenshot(shots.resolve("packaged-legacy-tray.png"))) > empty + 4);
                r.put(p + ".icon_ms", ms(t0));
                r.put(p + ".archive_mapped", lab.cmd().tryRun("cat", "/proc/" + tray.pid() + "/maps").out()
                        .contains(TRAY_CACHE + "/tray-"));
                r.put(p + ".stand_in_window", !desktop.run("sh", "-c", "xdotool search --name '^Bondtray$' || true").isBlank());
                desktop.run("xdotool", "mousemove", "16", "16", "click", "3");
                r.put(p + ".menu_ms", VirtualDesktop.waitFor("the icon's menu", Duration.ofSeconds(60),
                        () -> VirtualDesktop.lightRowsBelowPanel(desktop.screenshot(shots.resolve("packaged-legacy-tray-menu.png"))) > 60));
                desktop.run("xdotool", "key", "Escape");
                r.put(p + ".alive", tray.isAlive());
            } finally {
                tray.destroy();
                tray.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            // A runtime without AWT's native parts or FreeType says so with a Java exception or error.
            r.put(p + ".log_errors", Files.readString(lab.cmd().logDir().resolve("packaged-legacy-tray.log")).lines()
                    .filter(l -> l.matches(".*(Exception|[A-Za-z]Error)\\b.*") && !l.contains("DBus.Error")).count());
        }
    }

    /** Removes, and checks what removal left: plain interfaces that work, no helper, no files. */
    private void remove(Lab lab, Results r, String prefix, String wlan, String[] remove) {
        Cmd cmd = lab.cmd();
        long t2 = System.nanoTime();
        Cmd.Result out = cmd.tryRun(remove);
        r.put(prefix + ".remove_ms", ms(t2)).put(prefix + ".remove_exit", out.exit())
                .put(prefix + ".remove_output", tail(out.out() + out.err()));
        r.put(prefix + ".after.bond_exists", Files.exists(Path.of("/sys/class/net", PlainBond.NAME)));
        r.put(prefix + ".after.eth0_master", master(Topology.WIRED));
        r.put(prefix + ".after.wlan0_master", master(wlan));
        r.put(prefix + ".after.helper_on_bus", HelperProcess.onBus(cmd));
        r.put(prefix + ".after.files_left", Files.exists(Path.of(LIB)) || Files.exists(Path.of(LAUNCHER)));
        // Working, not only unenslaved: Wi-Fi associates again and the cable gets a lease and
        // reaches the router.
        r.put(prefix + ".after.wlan0_completed_ms", lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60)));
        r.put(prefix + ".after.eth0_lease_ms", lab.dhcp().start(Topology.WIRED));
        r.put(prefix + ".after.eth0_ping_exit", cmd.tryRun("ping", "-c", "3", "-W", "2", "-I", Topology.WIRED,
                Topology.ROUTER).exit());
        lab.dhcp().stop();
        cmd.tryRun("ip", "addr", "flush", "dev", Topology.WIRED);
    }

    private static Cmd.Result asUser(Cmd cmd, String... args) {
        return cmd.tryRun(HelperProcess.cliCommand(Topology.USER, args));
    }

    private static long helperPid(Cmd cmd) {
        String out = cmd.tryRun("busctl", "--system", "call", "org.freedesktop.DBus", "/org/freedesktop/DBus",
                "org.freedesktop.DBus", "GetConnectionUnixProcessID", "s", "org.bondtray.Helper").out().strip();
        return out.startsWith("u ") ? Long.parseLong(out.substring(2)) : -1;
    }

    /**
     * The jars on the running helper's class path, by file name: its command line's class path,
     * each "folder/*" entry read as the JVM reads it.
     */
    private static List<String> classPathJars(long pid) {
        try {
            List<String> argv = List.of(Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).split("\0"));
            int cp = argv.indexOf("-cp");
            List<String> jars = new java.util.ArrayList<>();
            for (String entry : cp < 0 ? List.<String>of() : List.of(argv.get(cp + 1).split(":"))) {
                if (entry.endsWith("/*")) {
                    try (var files = Files.list(Path.of(entry.substring(0, entry.length() - 2)))) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().forEach(jars::add);
                    }
                } else {
                    jars.add(Path.of(entry).getFileName().toString());
                }
            }
            return jars;
        } catch (IOException e) {
            return List.of("(" + e.getMessage() + ")");
        }
    }

    /** The interface's bond, or "" when it is a plain interface. */
    private static String master(String ifname) {
        Path link = Path.of("/sys/class/net", ifname, "master");
        // sysfs links to the bond's folder: its last name is the bond's.
        return Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? readLink(link).replaceAll(".*/", "") : "";
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The end of a command's output: dpkg and the scripts say the interesting part last. */
    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 600 ? "…" + t.substring(t.length() - 600) : t;
    }
}
