package org.bondtray.tray.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bondtray.testing.Prerequisites;
import org.bondtray.testing.VirtualDesktop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray's JavaFX thread sleeps while no window shows, and its windows are drawn again when
 * one shows. On the real GTK toolkit on an X server, with JavaFX on the module path and the
 * module options of the package's own launcher: those are what let the tray reach the timer.
 */
class PulseWhileShownTest {
    @TempDir
    Path home;

    @Test
    void theJavaFxThreadSleepsWhileNoWindowShows() throws Exception {
        Prerequisites.programs(VirtualDesktop.PROGRAMS);
        List<String> modules = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.matches("javafx-\\w+-[\\d.]+-linux\\.jar")) {
                modules.add(entry);
            } else if (!name.startsWith("javafx-")) {
                classes.add(entry);
            }
        }
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-XX:+UseSerialGC", "--module-path", String.join(File.pathSeparator, modules),
                "--add-modules", "javafx.controls", "--enable-native-access=ALL-UNNAMED,javafx.graphics",
                "-Dprism.order=sw"));
        argv.addAll(launcherModuleOptions());
        argv.addAll(List.of("-cp", String.join(File.pathSeparator, classes), PulseProbe.class.getName()));
        try (VirtualDesktop desktop = new VirtualDesktop(home.resolve("desktop"))) {
            Path log = home.resolve("probe/out.log");
            Process probe = desktop.launch(log, Map.of(), argv.toArray(String[]::new));
            assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe ended");
            String out = Files.readString(log);
            Matcher m = Pattern.compile("shown=(\\d+) hidden=(\\d+) again=(\\d+)").matcher(out);
            assertTrue(m.find(), "the probe's figures: " + out);
            System.out.println("JavaFX thread's wake-ups in 2 s: " + m.group());
            long shown = Long.parseLong(m.group(1));
            long hidden = Long.parseLong(m.group(2));
            long again = Long.parseLong(m.group(3));
            // 60 pulses a second while a window shows: 120 in the probe's 2 s.
            assertTrue(shown > 60, "pulses with the window shown: " + out);
            assertTrue(hidden < 10, "the JavaFX thread woke " + hidden + " times in 2 s with no window: " + out);
            assertTrue(again > 60, "pulses again once the window shows again: " + out);
        }
    }

    /** The launcher's --add-exports and --add-opens, read from the package's file. */
    private static List<String> launcherModuleOptions() throws Exception {
        Path launcher = Path.of("src/package/files/bondtray");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(--add-(?:exports|opens)) (javafx\\.\\S+)").matcher(Files.readString(launcher));
        while (m.find()) {
            out.add(m.group(1));
            out.add(m.group(2));
        }
        assertTrue(out.size() >= 6, "the launcher opens JavaFX's pulse timer to the tray: " + out);
        return out;
    }
}
