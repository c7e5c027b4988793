package org.bondtray.helper;

import org.bondtray.helper.kernel.Link;

/**
 * Everything known about one interface at one moment, gathered from rtnetlink, sysfs and
 * wpa_supplicant, so that the decisions in {@link BondPolicy} need no I/O.
 *
 * @param rfkill "soft", "hard" or empty
 */
public record PortFacts(Link link, PortKind kind, boolean physical, int speedMbps, String rfkill, WifiInfo wifi) {

    public String name() {
        return link.name();
    }

    /** What wpa_supplicant says of a Wi-Fi interface; {@link #NONE} when it does not know it. */
    public record WifiInfo(String state, String ssid, int signalDbm, int maxRateMbps) {
        public static final WifiInfo NONE = new WifiInfo("", "", 0, 0);

        /**
         * Keys installed. An interface wpa_supplicant does not manage is judged by carrier
         * alone: some other supplicant owns it and the helper cannot see its handshake.
         */
        public boolean ready() {
            return state.isEmpty() || "completed".equals(state);
        }
    }

    /** Can carry traffic now: link up, radio not blocked, keys in place. */
    public boolean usable() {
        return link.carrier() && rfkill.isEmpty() && (kind != PortKind.WIRELESS || wifi.ready());
    }
}
