package org.bondtray.tray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import org.bondtray.tray.notify.NotifyWhen;

/**
 * What the user chose for her own tray (not the bond, which is the helper's and needs polkit):
 * which notifications she wants, and whether a window stands in for a missing panel. One "key = value" line per setting in
 * {@code $XDG_CONFIG_HOME/bondtray/tray.conf}; a missing or unreadable file means the defaults.
 */
public final class TraySettings {
    private static final Logger LOG = Logger.getLogger(TraySettings.class.getName());
    private static final String NOTIFICATIONS = "notifications";
    private static final String STAND_IN = "stand_in_window";
    private static final String ICONS = "icons";

    private final Path file;

    public TraySettings(Path file) {
        this.file = file;
    }

    /** Her settings file, where the XDG base directory specification puts it. */
    public static TraySettings ofUser() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return new TraySettings(base.resolve("bondtray").resolve("tray.conf"));
    }

    public NotifyWhen notifyWhen() {
        return NotifyWhen.fromWire(read().getOrDefault(NOTIFICATIONS, ""), NotifyWhen.EVERY_SWITCHOVER);
    }

    public void setNotifyWhen(NotifyWhen w) {
        write(NOTIFICATIONS, w.wire);
    }

    /**
     * Whether a window stands in for the icon where no panel shows it (GNOME without the
     * AppIndicator extension). She may say no from that window; notifications go on.
     */
    public boolean standInWindow() {
        return !"no".equals(read().get(STAND_IN));
    }

    public void setStandInWindow(boolean show) {
        write(STAND_IN, show ? "yes" : "no");
    }

    /** "auto" (follow the desktop), "color" or "symbolic": see {@link IconStyle}. */
    public String icons() {
        return read().getOrDefault(ICONS, IconStyle.AUTO);
    }

    public void setIcons(String choice) {
        write(ICONS, choice);
    }

    private Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            // No file yet: the defaults.
        }
        return out;
    }

    /** Sets one value and keeps the others, replacing the file in one step. */
    private synchronized void write(String key, String value) {
        Map<String, String> all = read();
        all.put(key, value);
        StringBuilder text = new StringBuilder("# Bondtray's tray, for this user; written by its windows.\n");
        all.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("could not save the tray's settings in " + file + ": " + e.getMessage());
        }
    }
}
