package org.bondtray.helper;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The helper's log as journald reads it from the unit's standard error: one line per record,
 * led by its syslog priority ({@code <3>} error, {@code <4>} warning, {@code <6>} info,
 * {@code <7>} debug; sd-daemon(3)), so {@code journalctl -u bondtray-helper -p warning} shows
 * exactly the warnings. A record never spans lines: a line break or other control character in
 * a message (some come from the network or another user) is written as an escape, and an
 * exception as its chain of types and messages, without the stack.
 */
public final class JournalFormat extends Formatter {
    private final boolean priorities;

    /** {@code priorities}: lead each line with its priority (only journald strips and reads it). */
    public JournalFormat(boolean priorities) {
        this.priorities = priorities;
    }

    /**
     * Sends every record of the process to standard error in this format; with priorities when
     * standard error is the journal's (systemd says so in {@code JOURNAL_STREAM}).
     */
    public static void install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        Handler handler = new StreamHandler(System.err, new JournalFormat(System.getenv("JOURNAL_STREAM") != null)) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder();
        if (priorities) {
            line.append('<').append(priority(record.getLevel())).append('>');
        } else {
            line.append(record.getLevel().getName()).append(' ');
        }
        line.append(oneLine(formatMessage(record)));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            line.append(": ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                line.append(": ").append(oneLine(t.getMessage()));
            }
        }
        return line.append('\n').toString();
    }

    /** syslog(3)'s priority for a java.util.logging level. */
    static int priority(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return 3;
        }
        if (v >= Level.WARNING.intValue()) {
            return 4;
        }
        if (v >= Level.INFO.intValue()) {
            return 6;
        }
        return 7;
    }

    /** The text with every control character as an escape: {@code \n}, {@code \t}, {@code \x1b}. */
    static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
