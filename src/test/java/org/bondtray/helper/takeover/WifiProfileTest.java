package org.bondtray.helper.takeover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.bondtray.wifi.Psk;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;

/** NetworkManager's Wi-Fi settings carried over to wpa_supplicant's AddNetwork arguments. */
class WifiProfileTest {
    private static final byte[] SSID = "HomeNet".getBytes(StandardCharsets.UTF_8);

    private static Map<String, Map<String, Variant<?>>> settings(String keyMgmt) {
        Map<String, Variant<?>> wireless = Map.of("ssid", new Variant<>(SSID, "ay"), "mode", new Variant<>("infrastructure"));
        return keyMgmt == null ? Map.of("802-11-wireless", wireless)
                : Map.of("802-11-wireless", wireless, "802-11-wireless-security", Map.of("key-mgmt", new Variant<>(keyMgmt)));
    }

    private static Map<String, Map<String, Variant<?>>> secret(String psk) {
        return Map.of("802-11-wireless-security", Map.of("psk", new Variant<>(psk)));
    }

    @Test
    void aWpa2PassphraseBecomesTheRawKey() {
        WifiProfile p = WifiProfile.from(settings("wpa-psk"), secret("correct horse")).orElseThrow();
        Map<String, Variant<?>> args = p.networkArgs();
        assertArrayEquals(SSID, (byte[]) args.get("ssid").getValue());
        assertEquals("WPA-PSK", args.get("key_mgmt").getValue());
        assertArrayEquals(Psk.raw("correct horse".toCharArray(), SSID), (byte[]) args.get("psk").getValue());
    }

    @Test
    void aStoredHexKeyIsTakenAsTheKey() {
        String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        WifiProfile p = WifiProfile.from(settings("wpa-psk"), secret(hex)).orElseThrow();
        assertArrayEquals(HexFormat.of().parseHex(hex), (byte[]) p.networkArgs().get("psk").getValue());
    }

    @Test
    void wpa3KeepsItsPasswordAndOpenNeedsNone() {
        Map<String, Variant<?>> sae = WifiProfile.from(settings("sae"), secret("sae secret")).orElseThrow().networkArgs();
        assertEquals("SAE", sae.get("key_mgmt").getValue());
        assertEquals("sae secret", sae.get("sae_password").getValue());
        assertEquals("NONE", WifiProfile.from(settings(null), Map.of()).orElseThrow().networkArgs().get("key_mgmt").getValue());
    }

    @Test
    void whatCannotBeCarriedOverIsLeft() {
        assertTrue(WifiProfile.from(settings("wpa-eap"), secret("x")).isEmpty(), "enterprise");
        assertTrue(WifiProfile.from(settings("wpa-psk"), Map.of()).isEmpty(), "a secret kept by the user's agent");
        assertTrue(WifiProfile.from(Map.of("802-3-ethernet", Map.of()), Map.of()).isEmpty(), "not Wi-Fi");
    }

    @Test
    void itsTextNeverShowsTheSecret() {
        WifiProfile p = WifiProfile.from(settings("wpa-psk"), secret("correct horse")).orElseThrow();
        assertFalse(p.toString().contains("correct horse"), p.toString());
        assertTrue(p.toString().contains("HomeNet"), p.toString());
    }
}
