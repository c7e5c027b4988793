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
        return journalOf(cmd, "-u", unit);
    }

    /** This boot's journal for journalctl's {@code filter} (matches, -u, -p), as {@link #journal} shows it. */
    static String journalOf(Cmd cmd, String... filter) {
        return cmd.tryRun(Cmd.concat(new String[] {"journalctl", "--no-pager", "-o", "short-monotonic", "-b"}, filter))
                .out();
    }

    /** The JVM's own reports of the helper's crashes (its -XX:ErrorFile folder), if it ever crashed. */
    static void keepCrashReports(Cmd cmd) {
        try (var reports = Files.newDirectoryStream(java.nio.file.Path.of("/var/log/bondtray"), "hs_err_pid*.log")) {
            for (java.nio.file.Path f : reports) {
                Files.copy(f, cmd.logDir().resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // no folder: the helper never ran, or never crashed
        }
    }

    static void keepJournal(Cmd cmd, String unit) {
        keep(cmd, unit.replace("*", "all") + ".log", journal(cmd, unit));
    }

    /** What a user's own services (her user manager, its units) said this boot. */
    static void keepJournalOfUser(Cmd cmd, int uid, String file) {
        keep(cmd, file, journalOf(cmd, "_UID=" + uid));
    }

    private static void keep(Cmd cmd, String file, String journal) {
        try {
            Files.writeString(cmd.logDir().resolve(file), journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
