package org.bondtray.wifi;

import java.util.List;

/** How a network protects itself, from a BSS's RSN / WPA key management and privacy bit. */
public enum Security {
    OPEN("open"), WEP("WEP"), WPA("WPA"), WPA2("WPA2"), WPA2_WPA3("WPA2/WPA3"), WPA3("WPA3"), ENTERPRISE("enterprise");

    private final String label;

    Security(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether Bondtray can join it with a password (enterprise needs more than that; WEP is broken). */
    public boolean joinable() {
        return this != ENTERPRISE && this != WEP;
    }

    /** {@code rsn}, {@code wpa}: the KeyMgmt lists of the BSS's RSN and WPA properties. */
    public static Security of(List<String> rsn, List<String> wpa, boolean privacy) {
        if (rsn.stream().anyMatch(k -> k.contains("eap")) || wpa.stream().anyMatch(k -> k.contains("eap"))) {
            return ENTERPRISE;
        }
        boolean sae = rsn.stream().anyMatch(k -> k.startsWith("sae"));
        boolean psk = rsn.stream().anyMatch(k -> k.startsWith("wpa-psk") || k.startsWith("wpa-ft-psk"));
        if (sae && psk) {
            return WPA2_WPA3;
        }
        if (sae) {
            return WPA3;
        }
        if (psk) {
            return WPA2;
        }
        if (!wpa.isEmpty()) {
            return WPA;
        }
        return privacy ? WEP : OPEN;
    }
}
