package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two Wi-Fi adapters in one bond, no wire, a static address; judged from the helper's scenario. */
class TwoWifiLabIT {

    @Test
    @DisplayName("two Wi-Fi adapters: one access point goes away, traffic carries on through the other")
    void oneAccessPointAwayTrafficCarriesOn() {
        HelperFigures.TwoWifi r = LabRun.figures(Scenarios.HELPER_TWO_WIFI, HelperFigures.TwoWifi.class);
        assertAll(
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                () -> assertNotEquals(r.activeBefore(), r.activeAfter()),
                () -> assertTrue(r.activeAfter().startsWith("wlan"), r.activeAfter()),
                () -> assertEquals(r.tcp().connections(), r.tcp().survived(), "every TCP connection survives"),
                () -> assertTrue(r.window().longestGapMs() < 2000, "longest gap " + r.window().longestGapMs() + " ms"),
                () -> assertEquals("192.168.50.240/24", r.addressAfter(), "the static address stays"),
                () -> assertTrue(r.backMs() >= 0, "the first adapter is a backup again"),
                () -> assertEquals(0, r.disableExit()));
    }
}
