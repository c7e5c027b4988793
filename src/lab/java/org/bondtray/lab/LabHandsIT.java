package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hands later scenarios use do what they say, seen from the laptop. */
class LabHandsIT {

    @Test
    @DisplayName(Scenarios.LAB_HANDS + ": AP away, rfkill, WPA3, hot-plug and the desktop user all work")
    void everyHandHasItsEffect() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAB_HANDS);
        r.print("ap_away.left_completed_ms", "ap_back.completed_ms", "rfkill.soft_after_block",
                "rfkill.soft_after_unblock", "rfkill.completed_again_ms", "wpa3.associate_ms", "plug_wired.carrier_ms",
                "unplug_wired.gone", "plug_radio.radios", "plug_radio.interface", "unplug_radio.radios",
                "user.uid", "user.bus_call");
        assertAll(
                () -> assertEquals("1", r.text("rfkill.soft_after_block"), "rfkill soft-blocked the radio"),
                () -> assertEquals("0", r.text("rfkill.soft_after_unblock"), "rfkill unblocked it"),
                () -> assertEquals("true", r.text("unplug_wired.gone"), "the unplugged adapter is gone"),
                () -> assertEquals(1, r.number("plug_radio.radios"), "plugging a radio adds one phy"),
                () -> assertTrue(r.text("plug_radio.interface").startsWith("wlan"), "with a Wi-Fi interface"),
                () -> assertEquals(0, r.number("unplug_radio.radios"), "unplugging takes it away again"),
                () -> assertNotEquals("0", r.text("user.uid"), "the desktop user is not root"),
                () -> assertEquals("true", r.text("user.bus_call"), "the desktop user reaches the system bus"));
        // The waits themselves are the proof for the AP and rfkill hands: the scenario fails with
        // a timeout if wpa_supplicant never leaves or re-enters "completed".
        assertTrue(r.number("ap_back.completed_ms") >= 0);
        assertTrue(r.number("wpa3.associate_ms") >= 0, "associated with the WPA3-SAE access point");
    }
}
