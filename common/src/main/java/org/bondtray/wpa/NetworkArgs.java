package org.bondtray.wpa;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.freedesktop.dbus.types.Variant;

/**
 * The arguments of {@code AddNetwork} for the kinds of network Bondtray joins. The SSID and a
 * WPA2 key go as bytes ({@code ay}): wpa_supplicant quotes strings itself, and an SSID is bytes,
 * not text. WPA2 gets the raw 256-bit key, so a passphrase never reaches wpa_supplicant; WPA3's
 * SAE needs the password itself, by design of SAE.
 */
public final class NetworkArgs {
    private NetworkArgs() {
    }

    public static Map<String, Variant<?>> open(byte[] ssid) {
        Map<String, Variant<?>> args = ssid(ssid);
        args.put("key_mgmt", new Variant<>("NONE"));
        return args;
    }

    /** @param rawKey the 32-byte pre-shared key (PBKDF2 of the passphrase over the SSID) */
    public static Map<String, Variant<?>> wpaPsk(byte[] ssid, byte[] rawKey) {
        Map<String, Variant<?>> args = ssid(ssid);
        args.put("key_mgmt", new Variant<>("WPA-PSK"));
        args.put("psk", new Variant<>(rawKey, "ay"));
        return args;
    }

    public static Map<String, Variant<?>> sae(byte[] ssid, String password) {
        Map<String, Variant<?>> args = ssid(ssid);
        args.put("key_mgmt", new Variant<>("SAE"));
        args.put("ieee80211w", new Variant<>(2));
        args.put("sae_password", new Variant<>(password));
        return args;
    }

    /** A network block's ssid as wpa_supplicant reports it: "quoted text" or bare hex. */
    public static byte[] configSsid(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Variant<?>> ssid(byte[] ssid) {
        Map<String, Variant<?>> args = new LinkedHashMap<>();
        args.put("ssid", new Variant<>(ssid, "ay"));
        return args;
    }
}
