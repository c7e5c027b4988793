package org.bondtray.wifi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Wi-Fi picker's words and sums: PSK, SSID bytes, security, one row per network. */
class WifiWordsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void pskIsIeee80211iPbkdf2() {
        // IEEE 802.11i-2004, Annex H.4 test vectors.
        assertEquals("f42c6fc52df0ebef9ebb4b90b38a5f902e83fe1b135a70e23aed762e9710a12e",
                HexFormat.of().formatHex(Psk.raw("password".toCharArray(), b("IEEE"))));
        assertEquals("0dc0d6eb90555ed6419756b9a15ec3e3209b63df707dd508d14581f8982721af",
                HexFormat.of().formatHex(Psk.raw("ThisIsAPassword".toCharArray(), b("ThisIsASSID"))));
        assertEquals("a WPA2 password has 8 to 63 characters",
                WifiException.of(Psk.check("short".toCharArray())).getMessage());
        assertEquals("", Psk.check("long enough".toCharArray()));
    }

    @Test
    void wpaSupplicantsRefusalsAreInEnglishAndJapanese() throws Exception {
        org.bondtray.testing.Bundles.assertJapaneseComplete("/org/bondtray/wifi/messages");
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.JAPANESE);
        try {
            WifiException timeout = WifiException.of("wifi.timeout", 30L);
            // getMessage (what logs and stack traces show) stays English whatever the user's language.
            assertEquals("no connection within 30 s; is the network in range?", timeout.getMessage());
            assertEquals("30 秒以内に接続できませんでした。ネットワークは圏内にありますか?", timeout.in(java.util.Locale.JAPANESE));
            assertEquals(timeout.getMessage(), timeout.in(java.util.Locale.GERMAN), "English where there is no translation");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertTrue(WifiException.of("wifi.bus.denied").getMessage().contains("Bondtray's bus policy"));
        WifiException unforeseen = new WifiException("org.example.Error: as the bus said");
        assertEquals(unforeseen.getMessage(), unforeseen.in(java.util.Locale.JAPANESE));
    }

    @Test
    void ssidsThatAreNotTextAreShownByteForByteAndReadBack() {
        assertEquals("Café", SsidText.show(b("Café")));
        byte[] latin1 = {'C', 'a', 'f', (byte) 0xe9};
        assertEquals("Caf\\xe9", SsidText.show(latin1));
        assertEquals("a\\x1b[2Jb", SsidText.show(new byte[] {'a', 0x1b, '[', '2', 'J', 'b'}), "no terminal escapes");
        assertArrayEquals(latin1, SsidText.parse("Caf\\xe9"));
        assertArrayEquals(b("Café"), SsidText.parse("Café"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',               '',          false, open
            '',               '',          true,  WEP
            'wpa-psk',        '',          true,  WPA2
            'wpa-psk sae',    '',          true,  WPA2/WPA3
            'sae',            '',          true,  WPA3
            'wpa-eap',        '',          true,  enterprise
            '',               'wpa-psk',   true,  WPA
            """)
    void securityFromKeyManagement(String rsn, String wpa, boolean privacy, String label) {
        List<String> r = rsn.isBlank() ? List.of() : List.of(rsn.split(" "));
        List<String> w = wpa.isBlank() ? List.of() : List.of(wpa.split(" "));
        assertEquals(label, Security.of(r, w, privacy).label());
    }

    @Test
    void oneRowPerSsidStrongestFirstInUseAndKnownOnTop() {
        List<WifiNetwork.Bss> bss = List.of(
                new WifiNetwork.Bss(b("cafe"), -40, 2412, Security.WPA2),
                new WifiNetwork.Bss(b("home"), -80, 2412, Security.WPA2),
                new WifiNetwork.Bss(b("home"), -60, 5180, Security.WPA2),
                new WifiNetwork.Bss(b("office"), -70, 2437, Security.ENTERPRISE),
                new WifiNetwork.Bss(new byte[0], -30, 2412, Security.WPA2));
        List<WifiNetwork> rows = WifiNetwork.rows(bss, Set.of(HexFormat.of().formatHex(b("office"))), b("home"));
        assertEquals(List.of("home", "office", "cafe"), rows.stream().map(WifiNetwork::name).toList(),
                "in use, then known, then by signal; the hidden BSS is not a row");
        assertEquals(-60, rows.get(0).signalDbm(), "the strongest BSS of the SSID");
        assertEquals(5180, rows.get(0).frequencyMhz());
        assertTrue(rows.get(1).known());
        assertFalse(rows.get(1).security().joinable(), "enterprise is shown, not joined");
        assertEquals(4, rows.get(2).bars());
    }
}
