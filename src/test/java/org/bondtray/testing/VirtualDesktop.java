package org.bondtray.testing;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * A desktop of real programs for the tray to meet: Xvfb, a session dbus-daemon, xfce4-panel with
 * only its status tray (the StatusNotifierItem host) and dunst (the notification server). Each
 * gets a private home, so nothing of the machine's own desktop is read or changed.
 */
public final class VirtualDesktop implements AutoCloseable {
    /** The tile colour of Bondtray's "helper unavailable" icon, to find it on the panel. */
    public static final int UNAVAILABLE_TILE = 0x5e5c64;
    /** The programs this needs, with the Debian package of each. */
    public static final Map<String, String> PROGRAMS = Map.of("Xvfb", "xvfb", "xfce4-panel", "xfce4-panel",
            "trayer", "trayer", "dunst", "dunst", "dunstctl", "dunst", "xdotool", "xdotool", "import", "imagemagick",
            "dbus-daemon", "dbus-daemon");

    private final Path home;
    private final String display;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> env;
    private final String busAddress;

    /** What holds the tray icons along the top of the screen. */
    public enum Tray {
        /** xfce4-panel's status tray: hosts StatusNotifierItems (its watcher) and XEmbed icons. */
        XFCE_PANEL,
        /** trayer: a stand-alone XEmbed system tray, no StatusNotifierWatcher, as older desktops have. */
        TRAYER
    }

    public VirtualDesktop(Path home) throws IOException, InterruptedException {
        this(home, null);
    }

    /** A desktop whose programs use {@code sessionBus} (one of the test's own) instead of a bus of its own. */
    public VirtualDesktop(Path home, String sessionBus) throws IOException, InterruptedException {
        this(home, sessionBus, Tray.XFCE_PANEL);
    }

    public VirtualDesktop(Path home, String sessionBus, Tray tray) throws IOException, InterruptedException {
        this(home, sessionBus, tray, false);
    }

    /**
     * {@code dark}: the desktop's GTK theme is Adwaita's dark one, so the panel is dark and
     * draws symbolic icons in its light foreground colour, as a dark GNOME or Xfce desktop does.
     */
    public VirtualDesktop(Path home, String sessionBus, Tray tray, boolean dark) throws IOException, InterruptedException {
        this.home = home;
        display = ":" + freeDisplay();
        Path config = home.resolve("config");
        Path runtime = home.resolve("runtime");
        Files.createDirectories(config.resolve("xfce4/xfconf/xfce-perchannel-xml"));
        Files.createDirectories(runtime);
        runtime.toFile().setReadable(true, true);
        Files.writeString(config.resolve("xfce4/xfconf/xfce-perchannel-xml/xfce4-panel.xml"), PANEL);
        env = new java.util.HashMap<>(Map.of("DISPLAY", display, "HOME", home.toString(),
                "XDG_CONFIG_HOME", config.toString(), "XDG_RUNTIME_DIR", runtime.toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString(), "NO_AT_BRIDGE", "1"));
        if (dark) {
            env.put("GTK_THEME", "Adwaita:dark");
        }
        start("xvfb", "Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp");
        waitFor("the X server", () -> Files.exists(Path.of("/tmp/.X11-unix/X" + display.substring(1))));
        if (sessionBus != null) {
            busAddress = sessionBus;
        } else {
            Process bus = start(null, "dbus-daemon", "--session", "--nofork", "--print-address");
            String line = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IOException("the session dbus-daemon did not start");
            }
            busAddress = line.strip();
        }
        env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        if (tray == Tray.TRAYER) {
            // Along the top like the panel, on white, so an icon's pixels are found the same way.
            start("trayer", "trayer", "--edge", "top", "--align", "left", "--widthtype", "pixel", "--width", "400",
                    "--heighttype", "pixel", "--height", "32", "--transparent", "true", "--alpha", "0", "--tint", "0xffffff");
        } else {
            if (sessionBus != null) {
                // A test's own bus activates nothing: start the panel's settings store by hand, or
                // the panel comes up without its tray.
                start("xfconfd", XFCONFD);
            }
            start("panel", "xfce4-panel", "--disable-wm-check");
        }
        start("dunst", "dunst");
    }

    /** xfce4-panel's settings store, which a session bus would start on demand. */
    private static final String XFCONFD = "/usr/lib/x86_64-linux-gnu/xfce4/xfconf/xfconfd";

    /** The panel's layout (its xfconf file): one panel along the top holding only the status tray. */
    public static final String PANEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <channel name="xfce4-panel" version="1.0">
              <property name="configver" type="int" value="2"/>
              <property name="panels" type="array">
                <value type="int" value="1"/>
                <property name="panel-1" type="empty">
                  <property name="position" type="string" value="p=6;x=0;y=0"/>
                  <property name="length" type="uint" value="100"/>
                  <property name="position-locked" type="bool" value="true"/>
                  <property name="size" type="uint" value="32"/>
                  <property name="plugin-ids" type="array">
                    <value type="int" value="1"/>
                  </property>
                </property>
              </property>
              <property name="plugins" type="empty">
                <property name="plugin-1" type="string" value="systray"/>
              </property>
            </channel>
            """;

    private static int freeDisplay() {
        for (int n = 90; n < 200; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    public String busAddress() {
        return busAddress;
    }

    /** The environment a program on this desktop gets (display, session bus, private home). */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    private Process start(String log, String... argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        if (log != null) {
            pb.redirectOutput(home.resolve(log + ".log").toFile());
        }
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /**
     * Starts a program on this desktop, as a user's session would (its display, session bus and
     * home, plus {@code moreEnv}), left running; its output goes to {@code log}, and it works in
     * the log's folder, where a JVM's failure report would land. Stopped with the desktop at the latest.
     */
    public Process launch(Path log, Map<String, String> moreEnv, String... argv) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        pb.environment().putAll(moreEnv);
        pb.directory(log.getParent().toFile());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    /** Runs a program on this desktop and returns what it printed; fails unless it exits 0. */
    public String run(String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
        return out;
    }

    /** The whole screen, saved as {@code png} and returned. */
    public BufferedImage screenshot(Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        // Always RGB: a screen of greys alone would be written as a grey PNG, which Java reads as
        // linear grey and reports much lighter through getRGB.
        run("import", "-window", "root", "PNG24:" + png);
        return ImageIO.read(png.toFile());
    }

    /**
     * Where the panel (the top 40 rows) shows {@code rgb}: the centre of those pixels and how
     * many there are ({0, 0, 0} if none). Finds an icon by its tile's colour.
     */
    public static int[] findInPanel(BufferedImage image, int rgb) {
        long sx = 0;
        long sy = 0;
        int n = 0;
        for (int y = 0; y < Math.min(40, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return n == 0 ? new int[] {0, 0, 0} : new int[] {(int) (sx / n), (int) (sy / n), n};
    }

    /** How many colours the top-left 64 × 32 pixels hold: a plain tray has one or two, an icon in it many. */
    public static int coloursInCorner(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < Math.min(32, image.getHeight()); y++) {
            for (int x = 0; x < Math.min(64, image.getWidth()); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    /** Rows below the panel with more than 50 light pixels: a menu drawn under the panel has many. */
    /** How many pixels of the panel (the top 32 rows) are brighter than {@code level} (0..255 per channel). */
    public static int panelPixelsBrighterThan(BufferedImage image, int level) {
        int n = 0;
        for (int y = 0; y < Math.min(32, image.getHeight()); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (brighter(image.getRGB(x, y), level)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Whether each of the pixel {@code rgb}'s channels is above {@code level} (0..255). */
    private static boolean brighter(int rgb, int level) {
        return ((rgb >> 16) & 0xff) > level && ((rgb >> 8) & 0xff) > level && (rgb & 0xff) > level;
    }

    public static int lightRowsBelowPanel(BufferedImage image) {
        int rows = 0;
        for (int y = 40; y < image.getHeight(); y++) {
            int light = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                if (brighter(image.getRGB(x, y), 180)) {
                    light++;
                }
            }
            if (light > 50) {
                rows++;
            }
        }
        return rows;
    }

    /** The bus names of the tray items the panel's StatusNotifierWatcher lists, in its order. */
    public static List<String> trayItemOwners(org.freedesktop.dbus.interfaces.Properties watcher) {
        String all = String.valueOf(org.bondtray.api.PlainValues.of(watcher.Get(
                org.bondtray.tray.sni.SniNames.WATCHER_INTERFACE, "RegisteredStatusNotifierItems")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(:[0-9.]+)" + org.bondtray.tray.sni.SniNames.ITEM_PATH)
                .matcher(all);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    public interface Check {
        boolean ok() throws Exception;
    }

    /** Milliseconds until {@code check} holds, polled; fails after 90 s (programs start slowly under TCG). */
    public static long waitFor(String what, Check check) throws InterruptedException {
        return waitFor(what, java.time.Duration.ofSeconds(90), check);
    }

    /** Milliseconds until {@code check} holds (an exception counts as not yet); fails after {@code timeout}. */
    public static long waitFor(String what, java.time.Duration timeout, Check check) throws InterruptedException {
        long t0 = System.nanoTime();
        while (true) {
            try {
                if (check.ok()) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() - t0 > timeout.toNanos()) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
