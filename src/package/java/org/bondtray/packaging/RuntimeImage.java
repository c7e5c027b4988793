package org.bondtray.packaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * The Java runtime Bondtray ships, linked from the JDK that runs the build: only the modules the
 * helper, the command line and the tray use, so a laptop needs no JDK of its own.
 */
final class RuntimeImage {
    /**
     * From {@code jdeps --print-module-deps} over the jar and its dependencies, plus what is
     * found only at run time: jdk.unsupported (JavaFX), jdk.localedata (dates and numbers in the
     * tray's languages). jdk.net (SO_PEERCRED) and jdk.security.auth (the caller's uid) are what
     * dbus-java's native unix-socket transport, found through ServiceLoader, needs.
     */
    static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging", "jdk.jfr",
            "jdk.net", "jdk.security.auth", "jdk.unsupported", "jdk.localedata");

    private RuntimeImage() {
    }

    /**
     * Native libraries of java.desktop that nothing of Bondtray loads (splash screen, JPEG,
     * colour management): JavaFX needs only java.desktop's classes (java.beans), and the tray's
     * icons are PNGs decoded in Java. AWT's font rasteriser (FreeType) stays: the icon in an
     * older system tray is AWT's, with its tooltip and menu.
     */
    static final String UNUSED_NATIVE = "**/libsplashscreen.so,**/libjavajpeg.so,**/liblcms.so";

    static void link(Path output) throws IOException, InterruptedException {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jlink; package with a full JDK 25"));
        StringWriter log = new StringWriter();
        int exit = jlink.run(new PrintWriter(log), new PrintWriter(log),
                "--add-modules", String.join(",", MODULES),
                "--include-locales", "en,ja",
                "--strip-debug", "--no-header-files", "--no-man-pages",
                "--exclude-files", UNUSED_NATIVE,
                "--compress", "zip-6",
                "--output", output.toString());
        if (exit != 0) {
            throw new IllegalStateException("jlink failed (" + exit + "): " + log);
        }
        NativeLibraries.strip(output);
        shareClasses(output);
    }

    /**
     * The class-data sharing archive a full JDK ships and jlink leaves out: the helper, started
     * by D-Bus activation on a user's first click, and the command line load their JDK classes
     * from it instead of parsing them. Dumped after stripping, by the runtime's own java, into
     * the place it reads by default (lib/server/classes.jsa), with the native access their
     * launchers grant: an archive dumped without it disables its module graph for them, and the
     * helper's own archive on top of it then failed to load its module part with an error.
     */
    private static void shareClasses(Path runtime) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-Xshare:dump")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0 || !Files.isRegularFile(runtime.resolve("lib/server/classes.jsa"))) {
            throw new IOException("the runtime could not dump its class-data sharing archive (exit " + p.exitValue() + ")");
        }
    }
}
