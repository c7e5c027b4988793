package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a switchover means for the lease when the verdict can no longer be asked (no gateway, one port). */
class NetworkCheckTest {
    private static NetworkCheck.Port wifi(String ssid) {
        return new NetworkCheck.Port("wlan0", 3, "02:00:00:00:00:00", ssid, true);
    }

    @Test
    void aWifiPortJoiningAnotherNetworkMakesTheLastVerdictStale() {
        try (NetworkCheck check = new NetworkCheck(() -> { })) {
            // The cable is out: with one port nothing can be asked.
            check.consider("", List.of(wifi("office")));
            assertFalse(check.switchoverMayChangeNetwork(), "nothing known: the lease's network is the bond's");
            check.consider("", List.of(wifi("")));
            assertFalse(check.switchoverMayChangeNetwork(), "between two associations");
            check.consider("", List.of(wifi("office")));
            assertFalse(check.switchoverMayChangeNetwork(), "back on the same network");
            check.consider("", List.of(wifi("")));
            check.consider("", List.of(wifi("cafe")));
            assertTrue(check.switchoverMayChangeNetwork(),
                    "joined another network: a switchover back to the cable may change networks");
        }
    }
}
