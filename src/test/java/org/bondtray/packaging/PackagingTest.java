package org.bondtray.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class PackagingTest {

    @Test
    void gzipReadsBackAndSaysItIsMaximallyCompressed() throws Exception {
        String text = ".TH BONDTRAY 1\n".repeat(200);
        byte[] gz = SystemLayout.gzip(text);
        // XFL 2 ("slowest algorithm"), no name, no time stamp: what gzip -9n writes and lintian checks.
        assertEquals(2, gz[8]);
        assertEquals(0, gz[3], "no flags: no file name");
        assertEquals(0, gz[4] | gz[5] | gz[6] | gz[7], "no time stamp");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertEquals(text, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyPackagersVersionSortsASnapshotBeforeItsRelease() {
        assertEquals("0.1.0snapshot", Noarch.archVersion("0.1.0-SNAPSHOT"));
        assertEquals("0.1.0~snapshot", Noarch.rpmVersion("0.1.0-SNAPSHOT"));
        assertEquals("1.0.0", Noarch.archVersion("1.0.0"));
        assertEquals("1.0.0~rc1", Noarch.rpmVersion("1.0.0-rc1"));
    }

    @Test
    void theNoarchTreeLeavesTheRuntimeOutAndUsesEveryDistributionsPlaces() {
        assertEquals(null, Noarch.place("usr/lib/bondtray/runtime/bin/java"));
        assertEquals(null, Noarch.place("usr/share/lintian/overrides/bondtray"));
        assertEquals("usr/lib/systemd/system/bondtray-helper.service", Noarch.place("lib/systemd/system/bondtray-helper.service"));
        assertEquals("usr/lib/bondtray/javafx/x86_64/javafx-base-25.0.2-linux.jar",
                Noarch.place("usr/lib/bondtray/javafx/javafx-base-25.0.2-linux.jar"));
        assertEquals(null, Noarch.place("usr/lib/bondtray/javafx/libglassgtk3.so"));
        assertEquals("usr/share/zsh/site-functions/_bondtray", Noarch.place("usr/share/zsh/vendor-completions/_bondtray"));
        assertEquals("usr/lib/bondtray/lib/bondtray.jar", Noarch.place("usr/lib/bondtray/lib/bondtray.jar"));
    }

    /**
     * The launchers' search for Java (java-runtime): the package's own runtime first; else the
     * first of BONDTRAY_JAVA_HOME, JAVA_HOME and /usr/lib/jvm whose release file says 25 or later.
     */
    @Test
    void theLaunchersTakeTheirOwnRuntimeElseAJava25AndNeverAnOlderOne(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.copy(Path.of("src/package/files/java-runtime"), lib.resolve("java-runtime"));
        Path java21 = fakeJava(dir.resolve("jdk-21"), "21.0.5");
        Path java25 = fakeJava(dir.resolve("jdk-25"), "25.0.1");
        assertEquals(java25.toString(), javaFound(lib, Map.of("BONDTRAY_JAVA_HOME", java25.getParent().getParent().toString())));
        assertTrue(!javaFound(lib, Map.of("BONDTRAY_JAVA_HOME", java21.getParent().getParent().toString(),
                "JAVA_HOME", java21.getParent().getParent().toString())).equals(java21.toString()), "Java 21 was taken");
        Path own = fakeJava(lib.resolve("runtime"), "25.0.1");
        assertEquals(own.toString(), javaFound(lib, Map.of("BONDTRAY_JAVA_HOME", java25.getParent().getParent().toString())));
    }

    private static Path fakeJava(Path home, String version) throws Exception {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return java;
    }

    /** What $java is after the launchers' snippet ran with {@code env}; "" if it exited. */
    private static String javaFound(Path lib, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "lib=\"$1\"; . \"$lib/java-runtime\"; printf %s \"$java\"", "sh",
                lib.toString());
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void snapshotsSortBeforeTheRelease() {
        assertEquals("0.1.0~snapshot", DebPackage.debianVersion("0.1.0-SNAPSHOT"));
        assertEquals("0.1.0", DebPackage.debianVersion("0.1.0"));
        assertEquals("1.0.0~rc1", DebPackage.debianVersion("1.0.0-rc1"));
    }

    @Test
    void onlyLaunchersHooksAndTheRuntimesProgramsRun() {
        assertTrue(SystemLayout.isProgram(Path.of("usr/bin/bondtray")));
        assertTrue(SystemLayout.isProgram(Path.of("usr/lib/bondtray/bondtray-helper")));
        assertTrue(SystemLayout.isProgram(Path.of("usr/lib/bondtray/runtime/bin/java")));
        assertTrue(SystemLayout.isProgram(Path.of("usr/lib/bondtray/runtime/lib/jspawnhelper")));
        assertFalse(SystemLayout.isProgram(Path.of("usr/lib/bondtray/runtime/lib/libjvm.so")));
        assertFalse(SystemLayout.isProgram(Path.of("usr/share/dbus-1/system.d/org.bondtray.Helper.conf")));
        assertFalse(SystemLayout.isProgram(Path.of("usr/lib/bondtray/lib/bondtray.jar")));
    }

    /**
     * Every start of the shipped runtime is C1 only, as every lab JVM runs, or interpreted (the
     * command line): the only JVMs that ever crashed in the lab were the launchers' with C2 as
     * well (the helper's, then the tray's).
     */
    @Test
    void everyLauncherRunsTheRuntimeAsTheLabDoes() throws Exception {
        for (String launcher : List.of("bondtray", "bondtray-helper")) {
            List<String> lines = Files.readAllLines(Path.of("src/package/files", launcher));
            // The command line's JVMs (its own, its cache's training) share their flags in $jvm;
            // its command runs with $run, which is $jvm or, for a Wi-Fi join, C1.
            String shared = lines.stream().filter(l -> l.startsWith("jvm=")).findFirst().orElse("");
            List<String> runs = lines.stream().map(String::strip).filter(l -> l.startsWith("run=")).toList();
            List<String> starts = lines.stream().filter(l -> l.contains("\"$java\" -") || l.contains("\"$java\" $jvm")
                    || l.contains("\"$java\" $run")).toList();
            assertFalse(starts.isEmpty(), launcher);
            for (String start : starts) {
                boolean sharedOk = shared.contains("-XX:TieredStopAtLevel=1") || shared.contains("-Xint");
                assertTrue(start.contains("-XX:TieredStopAtLevel=1")
                        || start.contains("$jvm") && sharedOk
                        || start.contains("$run") && !runs.isEmpty() && runs.stream().allMatch(r -> r.equals("run=\"$jvm\"")
                                && sharedOk || r.contains("-XX:TieredStopAtLevel=1")),
                        launcher + ": " + start);
            }
        }
    }

    /** Each program's class path holds the folders of its own modules: the root daemon never the client's or JavaFX. */
    @Test
    void eachLauncherLoadsItsOwnModules() throws Exception {
        String helper = Files.readString(Path.of("src/package/files/bondtray-helper"));
        assertTrue(helper.contains("-cp \"$lib/lib/*:$lib/helper/*\" org.bondtray.helper.HelperMain"), helper);
        assertFalse(helper.contains("$lib/client") || helper.contains("$lib/javafx"), helper);
        String client = Files.readString(Path.of("src/package/files/bondtray"));
        // The tray's, the command line's and its cache's training: all from one class path.
        assertTrue(client.contains("classes=\"$lib/lib/*:$lib/client/*\"\n"), client);
        assertTrue(client.lines().filter(l -> l.contains("-cp ")).allMatch(l -> l.contains("-cp \"$classes\"")), client);
        assertFalse(client.contains("$lib/helper"), client);
    }

    /** The root daemon's heap is a small daemon's, not one sized from the machine's memory. */
    @Test
    void theHelpersHeapIsBounded() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray-helper"));
        for (String flag : List.of("-Xms12m", "-Xmx96m", "-XX:MaxHeapFreeRatio=20")) {
            assertTrue(launcher.contains(flag), flag);
        }
    }

    /**
     * Idle, no JVM thread polls four times a second (measured: 166 -> 44-46 switches per 30 s),
     * nor once a second (the service thread: 60 of the 84 wake-ups a minute left).
     */
    @Test
    void theHelpersJvmDoesNotPollWhenIdle() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray-helper"));
        assertTrue(launcher.contains("-XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=0"
                + " -XX:ServiceThreadCleanupInterval=60000"), launcher);
    }

    /**
     * The helper's class archive is written where its unit lets it write (ProtectSystem=strict
     * leaves nothing else), and goes whenever Bondtray's files are installed again, so that the
     * next stop writes it from the new jars.
     */
    @Test
    void theHelpersClassArchiveLivesInItsUnitsCacheFolder() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray-helper"));
        assertTrue(launcher.contains("cache=/var/cache/bondtray"), launcher);
        assertTrue(launcher.contains("set -- -XX:SharedArchiveFile=\"$cache/helper.jsa\" -XX:+AutoCreateSharedArchive "),
                launcher);
        List<String> unit = Files.readAllLines(Path.of("src/dist/bondtray-helper.service"));
        assertTrue(unit.contains("CacheDirectory=bondtray"), unit.toString());
        String hooks = Files.readString(Path.of("src/package/files/system-hooks"));
        String reload = hooks.substring(hooks.indexOf("reload() {"), hooks.indexOf("}", hooks.indexOf("reload() {")));
        assertTrue(reload.contains("rm -f /var/cache/bondtray/helper.jsa"), reload);
    }

    /** JavaFX's libraries go beside its jars, so it never unpacks them into a user's home. */
    @Test
    void theNativeLibrariesAtAJarsTopAreTakenOut(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path jar = dir.resolve("javafx-graphics-linux.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("libglass.so", "com/sun/glass/Foo.class", "native/libother.so")) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                out.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        var libs = NativeLibraries.inside(jar);
        assertEquals(List.of("libglass.so"), List.copyOf(libs.keySet()));
        assertEquals("libglass.so", new String(libs.get("libglass.so"), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The tray, which runs all day, gets a small heap too: on the host (24 GB) its idle RSS went
     * from 78.4 to 65.7 MB with these bounds, and 55.1 to 48.7 MB with two malloc arenas, an
     * initial heap of 8 MB and the C heap trimmed after start. And it does not wake four times a
     * second for the JVM's monitor deflation (240 of its 324 wake-ups a minute idle, ./bench
     * --host), nor once a second for its service thread's clean-up. Its windows draw in software: OpenGL kept the
     * graphics driver loaded (the tray at 169.5 MB with the status window open, 111.9 MB in
     * software).
     */
    @Test
    void theTraysHeapIsBounded() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray"));
        int branch = launcher.indexOf("if [ \"${1:-}\" = tray ]");
        String tray = launcher.substring(branch, launcher.indexOf("\nfi\n", branch));
        for (String flag : List.of("MALLOC_ARENA_MAX=2", "-Xms8m", "-Xmx256m", "-XX:MaxHeapFreeRatio=30", "-XX:AsyncDeflationInterval=0",
                "-XX:ServiceThreadCleanupInterval=60000", "-Dprism.order=sw")) {
            assertTrue(tray.contains(flag), flag + " in " + tray);
        }
    }

    /**
     * The command line starts from an AOT cache in the user's cache (on the host, bondtray status
     * 0.33 s -> 0.17 s), which it trains in the background: never in the command's own time,
     * never on its output, one training at a time.
     */
    @Test
    void theCommandLineTrainsItsAotCacheInTheBackground() throws Exception {
        String launcher = Files.readString(Path.of("src/package/files/bondtray"));
        String cli = launcher.substring(launcher.indexOf("\nfi\n", launcher.indexOf("if [ \"${1:-}\" = tray ]")));
        assertTrue(cli.contains("exec \"$java\" $run -XX:AOTCache=\"$aot\" '-Xlog:cds*=off,aot*=off'"), cli);
        assertTrue(cli.contains("(flock -n 9 || exit 0; train) 9>\"$cache/cli.lock\" </dev/null >/dev/null 2>&1 &"), cli);
        assertTrue(cli.contains("nice -n 19 \"$java\" $jvm -XX:AOTMode=record"), cli);
        assertTrue(cli.contains("mv -f \"$next\" \"$aot\""), "the cache appears whole, by a rename: " + cli);
        assertTrue(launcher.lines().anyMatch(l -> l.startsWith("jvm=") && l.contains("-Xint")
                        && !l.contains("AOTClassLinking") && !l.contains("TieredStopAtLevel")),
                "classes linked ahead (the JVM's default), run interpreted");
    }
}
