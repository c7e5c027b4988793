package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Changes on probation and changes refused before anything is touched, judged from the helper scenario. */
class SafeChangesLabIT {
    private static ScenarioResult result() {
        return LabRun.shared().scenario(Scenarios.HELPER);
    }

    @Test
    @DisplayName("safe changes 1: a change that loses the gateway is rolled back by itself within its timeout")
    void aChangeThatLosesTheGatewayRollsBack() {
        ScenarioResult r = result();
        r.print("rollback.setup_exit", "rollback.deadline_set", "rollback.bad_applied", "rollback.call_ms", "rollback.signal_ms",
                "rollback.reason", "rollback.restored_ms", "rollback.addresses_after", "rollback.default_after",
                "rollback.config_after", "rollback.deadline_after", "rollback.ping_after");
        assertAll(
                () -> assertEquals(0, r.number("rollback.setup_exit"), r.text("rollback.setup_output")),
                () -> assertEquals("true", r.text("rollback.deadline_set")),
                () -> assertEquals("true", r.text("rollback.bad_applied"), "the bad change was in place"),
                // From the change applied: 10 s of probation, then up to 5 s of asking for the
                // gateway, then the old setup (the emulated CPU adds a few seconds).
                () -> assertTrue(r.number("rollback.signal_ms") >= 10_000 && r.number("rollback.signal_ms") <= 25_000,
                        r.number("rollback.signal_ms") + " ms after the change was applied (the call took "
                                + r.textOr("rollback.call_ms", "?") + " ms)"),
                () -> assertTrue(r.text("rollback.reason").contains("previous configuration"), r.text("rollback.reason")),
                () -> assertFalse(r.text("rollback.addresses_after").contains("10.66.0.5"), r.text("rollback.addresses_after")),
                () -> assertFalse(r.text("rollback.default_after").contains("10.66.0.1"), r.text("rollback.default_after")),
                () -> assertEquals("addressing = dhcp", r.text("rollback.config_after")),
                () -> assertEquals(0, r.number("rollback.deadline_after")),
                () -> assertEquals("true", r.text("rollback.ping_after"), "the LAN answers again"));
    }

    @Test
    @DisplayName("safe changes 3: a good change is kept when the cable is pulled as its verdict comes")
    void aSwitchoverAtTheVerdictDoesNotRollBack() {
        ScenarioResult r = result();
        r.print("verdict.setup_exit", "verdict.deadline_in_ms", "verdict.cut_before_deadline_ms",
                "verdict.on_wifi_after_deadline_ms", "verdict.decided_after_deadline_ms", "verdict.kept",
                "verdict.rolled_back", "verdict.deadline_after", "verdict.config_downdelay", "verdict.ports_after",
                "verdict.defaults_exit");
        assertAll(
                () -> assertEquals(0, r.number("verdict.setup_exit"), r.text("verdict.setup_output")),
                // The cable went out before the deadline and the bond moved after it: the verdict
                // started while the dead cable was still the active port.
                () -> assertTrue(r.number("verdict.cut_before_deadline_ms") > 0,
                        r.number("verdict.cut_before_deadline_ms") + " ms"),
                () -> assertTrue(r.number("verdict.on_wifi_after_deadline_ms") > 0,
                        r.number("verdict.on_wifi_after_deadline_ms") + " ms"),
                () -> assertEquals("true", r.text("verdict.kept")),
                () -> assertEquals("", r.text("verdict.rolled_back")),
                () -> assertEquals(0, r.number("verdict.deadline_after")),
                () -> assertEquals("downdelay = 2000", r.text("verdict.config_downdelay")),
                () -> assertTrue(r.text("verdict.ports_after").contains("eth0"), r.text("verdict.ports_after")),
                () -> assertEquals(0, r.number("verdict.defaults_exit")));
    }

    @Test
    @DisplayName("safe changes 2: a confirmed change is kept; an adapter without a known network is refused untouched")
    void confirmedIsKeptAndHopelessIsRefused() {
        ScenarioResult r = result();
        r.print("confirm.setup_exit", "confirm.deadline_set", "confirm.exit", "confirm.deadline_after",
                "confirm.again_exit", "confirm.again_message", "refused.no_network_exit", "refused.no_network_message",
                "refused.bond_exists");
        assertAll(
                () -> assertEquals(0, r.number("confirm.setup_exit")),
                () -> assertEquals("true", r.text("confirm.deadline_set")),
                () -> assertEquals(0, r.number("confirm.exit")),
                () -> assertEquals(0, r.number("confirm.deadline_after")),
                () -> assertEquals(1, r.number("confirm.again_exit")),
                () -> assertTrue(r.text("confirm.again_message").contains("no change is waiting"),
                        r.text("confirm.again_message")),
                () -> assertEquals(1, r.number("refused.no_network_exit")),
                () -> assertTrue(r.text("refused.no_network_message").contains("knows no Wi-Fi network"),
                        r.text("refused.no_network_message")),
                () -> assertEquals("false", r.text("refused.bond_exists"), "nothing was touched"));
    }
}
