package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * The Wi-Fi that keeps connections is the one wpa_supplicant joins: with the cable in, the LAN's
 * Wi-Fi was seen same-network, so the helper remembers it; the café becomes known too and both
 * are in range. wpa_supplicant's priorities then favour the LAN's network, and each new
 * association (disconnect, reassociate: its own choice after a scan) goes there.
 */
final class PreferredNetwork {
    private static final int ASSOCIATIONS = 3;
    private final Lab lab;
    private final Results r;
    private final Properties bond;
    private final String wlan;

    PreferredNetwork(Lab lab, Results r, Properties bond, String wlan) {
        this.lab = lab;
        this.r = r;
        this.bond = bond;
        this.wlan = wlan;
    }

    void run() throws Exception {
        try {
            r.put("preferred.keeping_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> BondReadings.keeping(bond).contains(AccessPoint.LAN_WPA2.ssid())));
            r.put("preferred.keeping", BondReadings.keeping(bond));
            // The café joins the known networks last, the way a user adds one from the picker.
            lab.wifi().know(wlan, AccessPoint.CAFE);
            String lan = AccessPoint.LAN_WPA2.ssid() + "=1";
            String[] seen = {""};
            r.put("preferred.ranked_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> (seen[0] = lab.wifi().priorities(wlan)).contains(lan)));
            r.put("preferred.priorities", seen[0]);
            List<String> joined = new ArrayList<>();
            for (int i = 0; i < ASSOCIATIONS; i++) {
                joined.add(lab.wifi().associateAnew(wlan));
            }
            r.put("preferred.joined", String.join(" ", joined));
            r.put("preferred.helper_said", HelperProcess.log(lab.cmd()).lines()
                    .filter(l -> l.contains("now prefers") || l.contains("reaches the cable's network"))
                    .map(l -> l.replaceFirst("^.*?bondtray-helper\\[\\d+\\]: ", "")).reduce((a, b) -> a + " | " + b)
                    .orElse(""));
        } finally {
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
            Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> "same-network".equals(BondReadings.network(bond)));
        }
    }
}
