package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Changes on probation and changes refused before anything is touched, judged from the helper's scenarios. */
class SafeChangesLabIT {
    @Test
    @DisplayName("safe changes 1: a change that loses the gateway is rolled back by itself within its timeout")
    void aChangeThatLosesTheGatewayRollsBack() {
        HelperFigures.Rollback r = LabRun.figures(Scenarios.HELPER_ROLLBACK, HelperFigures.Rollback.class);
        assertAll(
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                () -> assertTrue(r.deadlineSet()),
                () -> assertTrue(r.badApplied(), "the bad change was in place"),
                // From the change applied: 10 s of probation, then up to 5 s of asking for the
                // gateway, then the old setup (the emulated CPU adds a few seconds).
                () -> assertTrue(r.signalMs() >= 10_000 && r.signalMs() <= 25_000,
                        r.signalMs() + " ms after the change was applied (the call took " + r.callMs() + " ms)"),
                () -> assertTrue(r.reason().contains("previous configuration"), r.reason()),
                () -> assertFalse(r.addressesAfter().contains("10.66.0.5"), r.addressesAfter()),
                () -> assertFalse(r.defaultAfter().contains("10.66.0.1"), r.defaultAfter()),
                () -> assertEquals("addressing = dhcp", r.configAfter()),
                () -> assertEquals(0, r.deadlineAfter()),
                () -> assertTrue(r.pingAfter(), "the LAN answers again"));
    }

    @Test
    @DisplayName("safe changes 3: a good change is kept when the cable is pulled as its verdict comes")
    void aSwitchoverAtTheVerdictDoesNotRollBack() {
        HelperFigures.Verdict r = LabRun.figures(Scenarios.HELPER_VERDICT, HelperFigures.Verdict.class);
        assertAll(
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                // The cable went out before the deadline and the bond moved after it: the verdict
                // started while the dead cable was still the active port.
                () -> assertTrue(r.cutBeforeDeadlineMs() > 0, r.cutBeforeDeadlineMs() + " ms"),
                () -> assertTrue(r.onWifiAfterDeadlineMs() > 0, r.onWifiAfterDeadlineMs() + " ms"),
                () -> assertTrue(r.kept()),
                () -> assertEquals("", r.rolledBack()),
                () -> assertEquals(0, r.deadlineAfter()),
                () -> assertEquals("downdelay = 2000", r.configDowndelay()),
                () -> assertTrue(r.portsAfter().contains("eth0"), r.portsAfter()),
                () -> assertEquals(0, r.defaultsExit()));
    }

    @Test
    @DisplayName("safe changes 2: a confirmed change is kept; an adapter without a known network is refused untouched")
    void confirmedIsKeptAndHopelessIsRefused() {
        HelperFigures.Rollback r = LabRun.figures(Scenarios.HELPER_ROLLBACK, HelperFigures.Rollback.class);
        HelperFigures.TwoWifi two = LabRun.figures(Scenarios.HELPER_TWO_WIFI, HelperFigures.TwoWifi.class);
        assertAll(
                () -> assertEquals(0, r.confirmSetupExit()),
                () -> assertTrue(r.confirmDeadlineSet()),
                () -> assertEquals(0, r.confirmExit()),
                () -> assertEquals(0, r.confirmDeadlineAfter()),
                () -> assertEquals(1, r.confirmAgain().exit()),
                () -> assertTrue(r.confirmAgain().output().contains("no change is waiting"), r.confirmAgain().output()),
                () -> assertEquals(1, two.refused().exit()),
                () -> assertTrue(two.refused().output().contains("knows no Wi-Fi network"), two.refused().output()),
                () -> assertFalse(two.bondExistsAfterRefused(), "nothing was touched"));
    }
}
