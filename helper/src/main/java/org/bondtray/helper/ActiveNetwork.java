package org.bondtray.helper;

/**
 * Follows the Wi-Fi network the active port is on, to tell when it joined another one without a
 * switchover: its access point went away and wpa_supplicant joined another known network, with
 * the cable out. The lease's server is gone with the old network then, as after a switchover to a
 * port on another network, and dhcpcd must ask the new one. Another SSID may still be the same
 * network (an office's second SSID); a new dhcpcd then gets the same address back. The same SSID
 * through another access point (roaming within one network) is no change.
 */
final class ActiveNetwork {
    private String port = "";
    private String ssid = "";

    /**
     * The bond's active port now and the SSID it is associated with ("" for a wire, or while it
     * is not associated); whether that port, active all along, is now on another Wi-Fi network.
     */
    boolean joinedAnother(String activePort, String activeSsid) {
        if (activePort.isEmpty()) {
            // No port carries traffic (the Wi-Fi lost its access point with the cable out): the
            // next one is judged against the network the bond was on.
            return false;
        }
        if (!activePort.equals(port)) {
            // A switchover: what it means for the lease is decided where the kernel reports it.
            port = activePort;
            ssid = activeSsid;
            return false;
        }
        if (activeSsid.isEmpty()) {
            // Between two associations: the network it was on is still the lease's.
            return false;
        }
        boolean another = !ssid.isEmpty() && !ssid.equals(activeSsid);
        ssid = activeSsid;
        return another;
    }
}
