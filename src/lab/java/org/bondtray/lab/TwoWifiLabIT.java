package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two Wi-Fi adapters in one bond, no wire, a static address; judged from the helper scenario. */
class TwoWifiLabIT {

    @Test
    @DisplayName("two Wi-Fi adapters: one access point goes away, traffic carries on through the other")
    void oneAccessPointAwayTrafficCarriesOn() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        r.print("two_wifi.second", "two_wifi.setup_exit", "two_wifi.up_ms", "two_wifi.active_before",
                "two_wifi.ap_taken_away", "two_wifi.switch_ms", "two_wifi.sent", "two_wifi.lost",
                "two_wifi.longest_gap_ms", "two_wifi.tcp_connections", "two_wifi.tcp_survived", "two_wifi.active_after",
                "two_wifi.state_after", "two_wifi.address_after", "two_wifi.back_ms", "two_wifi.disable_exit");
        assertAll(
                () -> assertEquals(0, r.number("two_wifi.setup_exit"), r.text("two_wifi.setup_output")),
                () -> assertNotEquals(r.text("two_wifi.active_before"), r.text("two_wifi.active_after")),
                () -> assertTrue(r.text("two_wifi.active_after").startsWith("wlan"), r.text("two_wifi.active_after")),
                () -> assertEquals(r.number("two_wifi.tcp_connections"), r.number("two_wifi.tcp_survived"),
                        "every TCP connection survives"),
                () -> assertTrue(r.number("two_wifi.longest_gap_ms") < 2000,
                        "longest gap " + r.number("two_wifi.longest_gap_ms") + " ms"),
                () -> assertEquals("192.168.50.240/24", r.text("two_wifi.address_after"), "the static address stays"),
                () -> assertTrue(r.number("two_wifi.back_ms") >= 0, "the first adapter is a backup again"),
                () -> assertEquals(0, r.number("two_wifi.disable_exit")));
    }
}
