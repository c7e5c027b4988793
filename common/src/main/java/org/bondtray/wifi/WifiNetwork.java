package org.bondtray.wifi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the network list: an SSID with its strongest access point, how it is protected,
 * whether wpa_supplicant knows it and whether it is the one in use.
 */
public record WifiNetwork(byte[] ssid, int signalDbm, int frequencyMhz, Security security, boolean known,
                          boolean current) {

    /** One access point as wpa_supplicant reports it. */
    public record Bss(byte[] ssid, int signalDbm, int frequencyMhz, Security security) {
    }

    public String name() {
        return SsidText.show(ssid);
    }

    /** Signal as 0 to 4 bars, the way network applets draw them. */
    public int bars() {
        return signalDbm >= -55 ? 4 : signalDbm >= -67 ? 3 : signalDbm >= -75 ? 2 : signalDbm >= -85 ? 1 : 0;
    }

    /**
     * One row per SSID (its strongest BSS); the one in use first, then known networks, then by
     * signal. Hidden BSSs (empty SSID) are left out: they are joined by name.
     */
    public static List<WifiNetwork> rows(List<Bss> bsses, Set<String> knownHex, byte[] currentSsid) {
        Map<String, Bss> strongest = new LinkedHashMap<>();
        for (Bss b : bsses) {
            if (b.ssid().length == 0 || allZero(b.ssid())) {
                continue;
            }
            strongest.merge(java.util.HexFormat.of().formatHex(b.ssid()), b,
                    (x, y) -> y.signalDbm() > x.signalDbm() ? y : x);
        }
        List<WifiNetwork> out = new ArrayList<>();
        strongest.forEach((hex, b) -> out.add(new WifiNetwork(b.ssid(), b.signalDbm(), b.frequencyMhz(), b.security(),
                knownHex.contains(hex), currentSsid != null && Arrays.equals(currentSsid, b.ssid()))));
        out.sort(Comparator.comparing((WifiNetwork n) -> !n.current()).thenComparing(n -> !n.known())
                .thenComparing(n -> -n.signalDbm()));
        return out;
    }

    private static boolean allZero(byte[] ssid) {
        for (byte b : ssid) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
