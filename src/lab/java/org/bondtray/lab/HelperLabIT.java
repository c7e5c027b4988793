package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.api.BondtrayBus;
import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * bondtray-helper in the lab, driven only through D-Bus by the desktop users alice (whom polkit
 * allows) and mallory (whom it refuses). Each case reads its own scenario's record.
 */
class HelperLabIT {
    @Test
    @DisplayName("helper 1: setup from two plain interfaces makes the right bond")
    void setupMakesTheBond() {
        HelperFigures.Setup r = LabRun.figures(Scenarios.HELPER_SETUP, HelperFigures.Setup.class);
        assertAll(
                () -> assertEquals("unconfigured", r.stateAtStart()),
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                () -> assertEquals("active-backup", r.mode()),
                () -> assertEquals("active", r.failOverMac()),
                () -> assertEquals("eth0", r.primary()),
                () -> assertEquals("eth0 wlan0", r.ports()),
                () -> assertEquals("bondtray-lan", r.wifiSsid(), "Wi-Fi facts come from wpa_supplicant"),
                () -> assertTrue(r.status().startsWith("bond0: up, traffic on eth0"), r.status()),
                () -> assertTrue(r.status().lines().findFirst().orElse("").contains(" since "),
                        "status says since when: " + r.status()));
    }

    @Test
    @DisplayName("helper 2: ten cable cuts, each with Switchover signals, reasons, outage and alice's notification")
    void cutsAreReported() {
        HelperFigures.Cuts r = LabRun.figures(Scenarios.HELPER_CUTS, HelperFigures.Cuts.class);
        int cuts = r.cuts().size();
        assertAll(
                // The tray alice's session started from XDG autostart, on her own session bus.
                () -> assertEquals(2 * cuts, r.notifications(),
                        "each switchover's notification reached alice's notification server"),
                () -> assertTrue(r.lostMax() <= 10, "at most 10 packets (100 ms) lost on any cut"),
                // A reply still on its way to the Wi-Fi MAC when the cable takes over arrives at a
                // standby port: the helper lets it deliver around a switch (helper 2b proves it with
                // 200 ms on the air). So a restore loses nothing, but for requests the kernel itself
                // sent out of the cable with the Wi-Fi's MAC: it makes the cable active before it
                // gives the bond the cable's MAC (OldMacWatch; tens of ms when the emulated CPU
                // stalls there, once in about thirty restores; microseconds on hardware).
                () -> assertEquals(0, r.restoresLostOther(),
                        "packets lost on a restore other than in the kernel's address-change window"),
                () -> assertEquals(2 * cuts, r.watchLines(), "bondtray watch printed one line per switchover"),
                () -> assertTrue(r.watchFirstLine().contains("\"reason\":\"cable-unplugged\"")
                        && r.watchFirstLine().contains("\"outage_ms\":"), r.watchFirstLine()),
                () -> assertEquals(r.tcp().connections(), r.tcp().survived(), "every TCP connection survived"),
                () -> {
                    for (int i = 0; i < cuts; i++) {
                        assertEquals("cable-unplugged", r.cuts().get(i).reason(), "cut " + i);
                        assertEquals("cable-plugged", r.restores().get(i).reason(), "restore " + i);
                    }
                });
    }

    @Test
    @DisplayName("helper 2b: on a Wi-Fi that queues, the restore loses nothing: the standby port delivers around the switch")
    void restoreOnSlowWifiLosesNothing() {
        HelperFigures.SlowAir r = LabRun.figures(Scenarios.HELPER_SLOW_AIR, HelperFigures.SlowAir.class);
        assertAll(
                () -> assertTrue(r.restore().sent() >= 100, "the probe kept sending"),
                // At most one: see FoundationLabIT on the bridges' race that no bond can help.
                () -> assertTrue(r.restore().lost() <= 1,
                        "replies on the air to the Wi-Fi port at the switch reached the bond; lost at "
                                + r.restoreLostAtMs() + " ms"),
                () -> assertEquals(r.tcp().connections(), r.tcp().survived(), "every TCP connection survived"),
                () -> assertTrue(r.standbyShutAfterMs() < 15_000,
                        "the standby port stops delivering by itself after the switch"));
    }

    @Test
    @DisplayName("helper 3: switch wireless and auto move traffic; a user polkit refuses changes nothing")
    void switchingAndWhoMaySwitch() {
        HelperFigures.Switching r = LabRun.figures(Scenarios.HELPER_SWITCHING, HelperFigures.Switching.class);
        assertAll(
                () -> assertEquals("wlan0", r.wirelessActive()),
                () -> assertEquals("eth0", r.autoActive(), "automatic picks the faster link"),
                () -> assertEquals(4, r.refused().exit(), "mallory is told she is not authorized"),
                () -> assertTrue(r.refused().output().contains("not authorized"), r.refused().output()),
                () -> assertEquals("eth0", r.activeAfterRefused(), "nothing moved"),
                () -> assertEquals("automatic", r.preferenceAfterRefused(), "nothing changed"));
    }

    @Test
    @DisplayName("helper 3b: a Wi-Fi port carries traffic only once wpa_supplicant has the keys in place")
    void wifiWaitsForItsKeys() {
        HelperFigures.Readiness r = LabRun.figures(Scenarios.HELPER_READINESS, HelperFigures.Readiness.class);
        assertAll(
                () -> assertTrue(r.completedSeen()),
                () -> assertTrue(r.activeSeen()),
                () -> assertTrue(r.activeAfterCompletedMs() >= 0,
                        "wlan0 became active before wpa_supplicant reported completed"),
                () -> assertEquals("wifi-ready", r.switchoverReason()));
    }

    @Test
    @DisplayName("helper 3c: rfkill is the reason, even with the cable cut; unblocking puts Wi-Fi back without a call")
    void rfkillIsExplained() {
        HelperFigures.Rfkill r = LabRun.figures(Scenarios.HELPER_RFKILL, HelperFigures.Rfkill.class);
        assertAll(
                () -> assertEquals("unavailable", r.role()),
                () -> assertEquals("degraded", r.state()),
                () -> assertTrue(r.reason().contains("rfkill (soft block)"), r.reason()),
                () -> assertEquals("down", r.cutState(), "cable cut while the radio is blocked"),
                () -> assertTrue(r.cutReason().contains("cable unplugged") && r.cutReason().contains("rfkill"),
                        r.cutReason()),
                () -> assertTrue(r.unblockToActiveMs() >= 0, "back on Wi-Fi without any call"),
                () -> assertEquals(1, r.switchRefused().exit()),
                () -> assertTrue(r.switchRefused().output().contains("rfkill"), r.switchRefused().output()),
                () -> assertEquals("up", r.stateAfter()));
    }

    @Test
    @DisplayName("helper 3d: setup again on the live bond adds static addresses and the default route")
    void staticAddressing() {
        HelperFigures.StaticAddressing r = LabRun.figures(Scenarios.HELPER_STATIC, HelperFigures.StaticAddressing.class);
        assertAll(
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                () -> assertTrue(r.apiAddresses().contains("192.168.50.250/24")
                        && r.apiAddresses().contains("fd00:50::250/64"), r.apiAddresses()),
                () -> assertTrue(r.route().contains("default via 192.168.50.1 proto static metric 100"), r.route()),
                () -> assertTrue(r.ping(), "the static address reaches the router"),
                () -> assertEquals("up", r.state(), "changing the setup did not disturb the bond"));
    }

    @Test
    @DisplayName("helper 4: kill -9 under traffic loses nothing; the restarted helper adopts the bond")
    void crashedHelperIsAdopted() {
        HelperFigures.Crash r = LabRun.figures(Scenarios.HELPER_CRASH, HelperFigures.Crash.class);
        assertAll(
                () -> assertEquals(0, r.window().lost(), "no packet lost because the helper died"),
                () -> assertEquals(r.tcp().connections(), r.tcp().survived()),
                () -> assertEquals(r.stateBefore(), r.stateAfter()),
                () -> assertEquals(r.activeBefore(), r.activeAfter()));
    }

    @Test
    @DisplayName("helper 5: malformed calls are refused with a typed error and change nothing")
    void badInputIsRefused() {
        HelperFigures.BadInput r = LabRun.figures(Scenarios.HELPER_BAD_INPUT, HelperFigures.BadInput.class);
        assertAll(
                () -> assertEquals(16, r.calls().size(), "every malformed call was made"),
                () -> {
                    for (HelperFigures.BadCall c : r.calls()) {
                        assertEquals(BondtrayBus.ERROR_INVALID_ARGS, c.outcome(), c.name());
                    }
                },
                () -> assertEquals(BondtrayBus.ERROR_NOT_AUTHORIZED, r.refusedUserError()),
                () -> assertEquals(0, r.accepted()),
                () -> assertTrue(r.helperAlive()),
                () -> assertTrue(r.unchanged()));
    }

    @Test
    @DisplayName("helper 5b: a port that is not in the bond is NotFound; two changes at once, one is Busy")
    void notFoundAndBusy() {
        HelperFigures.BadInput r = LabRun.figures(Scenarios.HELPER_BAD_INPUT, HelperFigures.BadInput.class);
        assertAll(
                () -> assertEquals(BondtrayBus.ERROR_NOT_FOUND, r.notAPort()),
                () -> assertTrue(r.busy().outcomes().contains("ok")
                        && r.busy().outcomes().contains(BondtrayBus.ERROR_BUSY), r.busy().outcomes()));
    }

    @Test
    @DisplayName("helper 6: disable removes the bond and gives the interfaces back, working")
    void disableGivesTheInterfacesBack() {
        HelperFigures.Disable r = LabRun.figures(Scenarios.HELPER_DISABLE, HelperFigures.Disable.class);
        assertAll(
                () -> assertEquals(0, r.disable().exit(), r.disable().output()),
                () -> assertFalse(r.bondExists()),
                () -> assertTrue(r.eth0().contains("state UP") && !r.eth0().contains("master"), r.eth0()),
                () -> assertTrue(!r.wlan0().contains("master"), r.wlan0()),
                () -> assertEquals("1", r.wlan0Carrier(), "Wi-Fi associated again on its own"));
    }
}
