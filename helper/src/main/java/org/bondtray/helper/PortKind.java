package org.bondtray.helper;

import java.util.Locale;

/** What kind of link a port is; it decides the words a user sees ("cable unplugged", "Wi-Fi lost"). */
public enum PortKind {
    WIRED, WIRELESS, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
