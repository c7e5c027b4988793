package org.bondtray.lab.guest;

/**
 * An access point of the lab: a hwsim radio moved into a namespace and driven by hostapd.
 * {@code bridge} decides the layer-2 network it belongs to: {@code br-lan} is the wire's own
 * network, any other bridge is somewhere else.
 */
record AccessPoint(String ssid, Security security, String passphrase, int channel, String netns, String bridge) {

    enum Security { WPA2_PSK, WPA3_SAE }

    /** Bridged into the wired LAN: same layer-2 network as the cable. */
    static final AccessPoint LAN_WPA2 = new AccessPoint("bondtray-lan", Security.WPA2_PSK,
            "lan-passphrase", 1, Topology.LAN_NS, Topology.LAN_BRIDGE);
    /** Bridged into the wired LAN too, with WPA3-SAE. */
    static final AccessPoint LAN_WPA3 = new AccessPoint("bondtray-lan-wpa3", Security.WPA3_SAE,
            "sae-passphrase", 6, Topology.LAN_NS, Topology.LAN_BRIDGE);
    /** A different network (a café): its own bridge, its own DHCP server, no path to the LAN. */
    static final AccessPoint CAFE = new AccessPoint("bondtray-cafe", Security.WPA2_PSK,
            "cafe-passphrase", 11, Topology.CAFE_NS, Topology.CAFE_BRIDGE);

    /**
     * A neighbour's access point whose name is an attack: valid UTF-8 holding an escape sequence
     * that paints a terminal red, a newline that starts a forged log line, a bell and a
     * right-to-left override. Beacons carry it as it is (hostapd's ssid2); it stands where the
     * café's does, on the café's network.
     */
    static final AccessPoint HOSTILE = new AccessPoint("cafe\u001b[31m\nWARN forged line\u0007\u202e",
            Security.WPA2_PSK, "hostile-passphrase", 11, Topology.CAFE_NS, Topology.CAFE_BRIDGE);

    /** A name for files and logs of the lab: the SSID with anything but letters, digits and - as _. */
    String label() {
        return ssid.replaceAll("[^A-Za-z0-9-]", "_");
    }

    /** The SSID as it goes on air. */
    byte[] ssidBytes() {
        return ssid.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A wpa_supplicant configuration that knows this (WPA2) network and lets wpa_supplicant save to it. */
    String savedConfig() {
        return "update_config=1\nnetwork={\n\tssid=\"" + ssid + "\"\n\tpsk=\"" + passphrase
                + "\"\n\tkey_mgmt=WPA-PSK\n}\n";
    }

    String hostapdConfig(String ifname) {
        StringBuilder c = new StringBuilder()
                .append("interface=").append(ifname).append('\n')
                .append("driver=nl80211\n")
                .append("bridge=").append(bridge).append('\n')
                .append("ctrl_interface=/run/hostapd-").append(label()).append('\n')
                .append(ssidLine())
                .append("hw_mode=g\n")
                .append("channel=").append(channel).append('\n')
                .append("wpa=2\n")
                .append("rsn_pairwise=CCMP\n");
        switch (security) {
            case WPA2_PSK -> c.append("wpa_key_mgmt=WPA-PSK\n").append("wpa_passphrase=").append(passphrase).append('\n');
            case WPA3_SAE -> c.append("wpa_key_mgmt=SAE\n").append("ieee80211w=2\n")
                    .append("sae_password=").append(passphrase).append('\n');
        }
        return c.toString();
    }

    /** hostapd's ssid=, or for a name that is not plain text its ssid2=P"..." with every byte escaped. */
    private String ssidLine() {
        if (label().equals(ssid)) {
            return "ssid=" + ssid + "\n";
        }
        StringBuilder s = new StringBuilder("ssid2=P\"");
        for (byte b : ssidBytes()) {
            s.append(String.format("\\x%02x", b & 0xff));
        }
        return s.append("\"\n").toString();
    }
}
