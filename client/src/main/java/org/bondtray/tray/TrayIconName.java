package org.bondtray.tray;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;

/**
 * Which of Bondtray's icons shows the bond's state: what carries the traffic (and how well, for
 * Wi-Fi), or what is wrong. A warning outranks the link: a user on the cable whose Wi-Fi sits on
 * another network must see it before unplugging; on the cable with no standby at all, that comes first.
 */
public final class TrayIconName {
    public static final String WIRED = "bondtray-wired";
    public static final String WIRELESS_PREFIX = "bondtray-wireless-";
    public static final String DEGRADED = "bondtray-degraded";
    public static final String DOWN = "bondtray-down";
    public static final String DIFFERENT_NETWORK = "bondtray-different-network";
    public static final String UNAVAILABLE = "bondtray-unavailable";

    /** Every icon the tray can show; the theme folder holds one of each (and a -symbolic twin). */
    public static final java.util.List<String> ALL = java.util.List.of(WIRED, WIRELESS_PREFIX + "weak",
            WIRELESS_PREFIX + "ok", WIRELESS_PREFIX + "good", WIRELESS_PREFIX + "excellent", DEGRADED, DOWN,
            DIFFERENT_NETWORK, UNAVAILABLE);

    private TrayIconName() {
    }

    public static String of(BondSnapshot s) {
        if (!s.helperReachable() || s.state().equals("unsupported") || s.state().equals("unconfigured")) {
            return UNAVAILABLE;
        }
        BondSnapshot.Port active = s.active();
        if (active == null || s.state().equals("down") || s.state().equals("error")) {
            return DOWN;
        }
        // On Wi-Fi with the cable out is the walking-around state, not a fault: the Wi-Fi icon.
        // On the cable with no Wi-Fi to fall back on, unplugging would cut the user off.
        if (s.state().equals("degraded") && !active.wireless()) {
            return DEGRADED;
        }
        if (BondProperties.NETWORK_DIFFERENT.equals(s.network())) {
            return DIFFERENT_NETWORK;
        }
        return active.wireless() ? WIRELESS_PREFIX + level(active.signal()) : WIRED;
    }

    /** Signal bands as network applets draw them. */
    static String level(int dbm) {
        if (dbm >= -55) {
            return "excellent";
        }
        if (dbm >= -67) {
            return "good";
        }
        if (dbm >= -75) {
            return "ok";
        }
        return "weak";
    }
}
