package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The system's services as systemd runs them on a laptop: a scenario starts and stops its network
 * manager as a unit, and what the unit said goes from the journal to {@code logs/<unit>.log}.
 */
final class Units {
    private Units() {
    }

    /** Starts {@code unit} and waits until systemd calls it started (for Type=dbus: on the bus). */
    static void start(Cmd cmd, String unit) {
        cmd.run("systemctl", "start", unit);
    }

    static void stop(Cmd cmd, String unit) {
        cmd.tryRun("systemctl", "stop", unit);
        keepJournal(cmd, unit);
    }

    /** The unit's journal of this boot, one line per record with its time since boot. */
    static String journal(Cmd cmd, String unit) {
        return cmd.tryRun("journalctl", "--no-pager", "-o", "short-monotonic", "-b", "-u", unit).out();
    }

    static void keepJournal(Cmd cmd, String unit) {
        try {
            Files.writeString(cmd.logDir().resolve(unit.replace("*", "all") + ".log"), journal(cmd, unit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a user's own services (her user manager, its units) said this boot. */
    static void keepJournalOfUser(Cmd cmd, int uid, String file) {
        String journal = cmd.tryRun("journalctl", "--no-pager", "-o", "short-monotonic", "-b", "_UID=" + uid).out();
        try {
            Files.writeString(cmd.logDir().resolve(file), journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
