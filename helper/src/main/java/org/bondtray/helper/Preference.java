package org.bondtray.helper;

import java.util.Locale;
import java.util.Optional;

/** Which link should carry traffic when both can. */
public enum Preference {
    WIRED, WIRELESS, AUTOMATIC;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the bus and config spelling; empty for anything else. */
    public static Optional<Preference> parse(String s) {
        for (Preference p : values()) {
            if (p.wire().equals(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
