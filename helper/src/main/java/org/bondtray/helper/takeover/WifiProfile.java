package org.bondtray.helper.takeover;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.bondtray.wifi.Psk;
import org.bondtray.wifi.SsidText;
import org.bondtray.wpa.NetworkArgs;
import org.bondtray.wpa.WpaValues;
import org.freedesktop.dbus.types.Variant;

/**
 * The Wi-Fi network NetworkManager had a wireless port on, carried over to wpa_supplicant when
 * the helper takes the port, so the port comes back on the same network. Holds a secret: its
 * text form never shows it.
 */
record WifiProfile(byte[] ssid, Kind kind, String secret) {
    enum Kind { OPEN, WPA_PSK, SAE }

    /**
     * From NetworkManager's settings of a connection and its wireless-security secrets; empty for
     * what the helper cannot carry over (enterprise, WEP, OWE, a secret kept by a user's agent).
     */
    static Optional<WifiProfile> from(Map<String, Map<String, Variant<?>>> settings,
                                      Map<String, Map<String, Variant<?>>> secrets) {
        Map<String, Variant<?>> wireless = settings.get("802-11-wireless");
        byte[] ssid = wireless == null || wireless.get("ssid") == null ? null : WpaValues.bytes(wireless.get("ssid").getValue());
        if (ssid == null || ssid.length == 0) {
            return Optional.empty();
        }
        Map<String, Variant<?>> security = settings.get("802-11-wireless-security");
        if (security == null) {
            return Optional.of(new WifiProfile(ssid, Kind.OPEN, ""));
        }
        String keyMgmt = String.valueOf(security.get("key-mgmt") == null ? "" : security.get("key-mgmt").getValue());
        Map<String, Variant<?>> secret = secrets.getOrDefault("802-11-wireless-security", Map.of());
        Object psk = secret.get("psk") == null ? null : secret.get("psk").getValue();
        if (!(psk instanceof String p) || p.isEmpty()) {
            return Optional.empty();
        }
        return switch (keyMgmt) {
            case "wpa-psk" -> Optional.of(new WifiProfile(ssid, Kind.WPA_PSK, p));
            case "sae" -> Optional.of(new WifiProfile(ssid, Kind.SAE, p));
            default -> Optional.empty();
        };
    }

    /** What wpa_supplicant's AddNetwork needs for this network. */
    Map<String, Variant<?>> networkArgs() {
        return switch (kind) {
            case OPEN -> NetworkArgs.open(ssid);
            case SAE -> NetworkArgs.sae(ssid, secret);
            // NetworkManager keeps either the passphrase or the 64-digit key itself.
            case WPA_PSK -> NetworkArgs.wpaPsk(ssid, secret.length() == 64 && secret.chars().allMatch(
                    c -> Character.digit(c, 16) >= 0) ? HexFormat.of().parseHex(secret) : Psk.raw(secret.toCharArray(), ssid));
        };
    }

    @Override
    public String toString() {
        return SsidText.show(ssid) + " (" + kind + ")";
    }
}
