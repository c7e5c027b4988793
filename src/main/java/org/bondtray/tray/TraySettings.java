package org.bondtray.tray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.bondtray.tray.notify.NotifyWhen;

/**
 * What the user chose for her own tray (not the bond, which is the helper's and needs polkit):
 * which notifications she wants. One "key = value" line per setting in
 * {@code $XDG_CONFIG_HOME/bondtray/tray.conf}; a missing or unreadable file means the defaults.
 */
public final class TraySettings {
    private static final Logger LOG = Logger.getLogger(TraySettings.class.getName());
    private static final String NOTIFICATIONS = "notifications";

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
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).strip().equals(NOTIFICATIONS)) {
                    return NotifyWhen.fromWire(line.substring(eq + 1).strip(), NotifyWhen.EVERY_SWITCHOVER);
                }
            }
        } catch (IOException e) {
            // No file yet: the default.
        }
        return NotifyWhen.EVERY_SWITCHOVER;
    }

    public void setNotifyWhen(NotifyWhen w) {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(next, "# Bondtray's tray, for this user; written by its settings window.\n"
                    + NOTIFICATIONS + " = " + w.wire + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("could not save the tray's settings in " + file + ": " + e.getMessage());
        }
    }
}
