package org.bondtray.api;

import java.util.Locale;

/** The bond's {@code State}: what a user needs to know first. */
public enum BondState {
    /** Nothing set up yet. */
    UNCONFIGURED,
    /** Every configured port is usable: a cut costs nothing. */
    UP,
    /** Only one port is usable: the next cut will cost the connection. */
    DEGRADED,
    /** No usable port. */
    DOWN,
    /** The kernel has no bonding driver. */
    UNSUPPORTED,
    /** Something the helper cannot fix by itself; StateReason says what. */
    ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BondState fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
