package org.bondtray.tray.notify;

import org.bondtray.tray.TrayTexts;

/**
 * Which notices the user wants on screen: every switchover, only those where connections were
 * at risk (another network, the standby lost, a change rolled back), or none. The tray icon and
 * its tooltip tell the state whatever this says.
 */
public enum NotifyWhen {
    EVERY_SWITCHOVER("every"),
    AT_RISK("at-risk"),
    NEVER("never");

    /** The word in the tray's settings file. */
    public final String wire;

    NotifyWhen(String wire) {
        this.wire = wire;
    }

    public boolean shows(TrayTexts.Notice n) {
        return switch (this) {
            case EVERY_SWITCHOVER -> true;
            case AT_RISK -> n.atRisk();
            case NEVER -> false;
        };
    }

    /** The level a word names; {@code fallback} for a word this version does not know. */
    public static NotifyWhen fromWire(String word, NotifyWhen fallback) {
        for (NotifyWhen w : values()) {
            if (w.wire.equals(word)) {
                return w;
            }
        }
        return fallback;
    }
}
