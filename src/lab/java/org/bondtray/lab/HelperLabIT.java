package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.api.BondtrayBus;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * bondtray-helper in the lab, driven only through D-Bus by the desktop users alice (whom polkit
 * allows) and mallory (whom it refuses). One guest scenario, judged here case by case.
 */
class HelperLabIT {
    private static ScenarioResult result() {
        return LabRun.shared().scenario(Scenarios.HELPER);
    }

    @Test
    @DisplayName("helper 1: setup from two plain interfaces makes the right bond")
    void setupMakesTheBond() {
        ScenarioResult r = result();
        r.print("helper.start_to_name_ms", "helper.state_at_start", "setup.exit", "setup.state_up_ms", "bond.mode",
                "bond.fail_over_mac", "bond.primary", "bond.ports", "ports.wlan0.ssid", "dhcp.lease_ms", "status.output", "helper.rss_kb");
        assertAll(
                () -> assertEquals("unconfigured", r.text("helper.state_at_start")),
                () -> assertEquals(0, r.number("setup.exit"), r.text("setup.output")),
                () -> assertEquals("active-backup", r.text("bond.mode")),
                () -> assertEquals("active", r.text("bond.fail_over_mac")),
                () -> assertEquals("eth0", r.text("bond.primary")),
                () -> assertEquals("eth0 wlan0", r.text("bond.ports")),
                () -> assertEquals("bondtray-lan", r.text("ports.wlan0.ssid"), "Wi-Fi facts come from wpa_supplicant"),
                () -> assertTrue(r.text("status.output").startsWith("bond0: up, traffic on eth0"), r.text("status.output")),
                () -> assertTrue(r.text("status.output").lines().findFirst().orElse("").contains(" since "),
                        "status says since when: " + r.text("status.output")));
    }

    @Test
    @DisplayName("helper 2: ten cable cuts, each with Switchover signals, reasons, outage and alice's notification")
    void cutsAreReported() {
        ScenarioResult r = result();
        StringBuilder perCut = new StringBuilder();
        for (int i = 0; i < r.number("cuts.count"); i++) {
            perCut.append(String.format("  cut %d: %s, outage %s ms, %s pings lost, longest gap %s ms; restore: %s, "
                            + "signal after %s ms, renewal due at %s ms, %s lost (sent at %s ms; %s of them in the kernel's window)%n",
                    i, r.text("cut." + i + ".reason"), r.text("cut." + i + ".outage_ms"), r.text("cut." + i + ".lost"),
                    r.text("cut." + i + ".longest_gap_ms"), r.text("restore." + i + ".reason"),
                    r.text("restore." + i + ".signal_after_ms"), r.text("restore." + i + ".renew_due_ms"),
                    r.text("restore." + i + ".lost"),
                    r.text("restore." + i + ".lost_at_ms"), r.text("restore." + i + ".lost_kernel_window")));
        }
        System.out.print(perCut);
        r.print("watch.switchover_lines", "watch.first_line", "cuts.lost_max", "cuts.lost_total",
                "restores.lost_total", "restores.lost_max", "restores.old_mac_sent", "restores.lost_kernel_window",
                "restores.lost_other", "signal.latency_median_ms",
                "signal.latency_max_ms", "cut_to_signal.median_ms", "cut_to_signal.max_ms", "tcp.connections",
                "tcp.survived", "tcp.longest_stall_ms", "cuts.notifications", "cuts.notification_first");
        assertAll(
                // The tray alice's session started from XDG autostart, on her own session bus.
                () -> assertEquals(2 * r.number("cuts.count"), r.number("cuts.notifications"),
                        "each switchover's notification reached alice's notification server"),
                () -> assertTrue(r.number("cuts.lost_max") <= 10, "at most 10 packets (100 ms) lost on any cut"),
                // A reply still on its way to the Wi-Fi MAC when the cable takes over arrives at a
                // standby port: the helper lets it deliver around a switch (helper 2b proves it with
                // 200 ms on the air). So a restore loses nothing, but for requests the kernel itself
                // sent out of the cable with the Wi-Fi's MAC: it makes the cable active before it
                // gives the bond the cable's MAC (OldMacWatch; tens of ms when the emulated CPU
                // stalls there, once in about thirty restores; microseconds on hardware).
                () -> assertEquals(0, r.number("restores.lost_other"),
                        "packets lost on a restore other than in the kernel's address-change window"),
                () -> assertEquals(2 * r.number("cuts.count"), r.number("watch.switchover_lines"),
                        "bondtray watch printed one line per switchover"),
                () -> assertTrue(r.text("watch.first_line").contains("\"reason\":\"cable-unplugged\"")
                        && r.text("watch.first_line").contains("\"outage_ms\":"), r.text("watch.first_line")),
                () -> assertEquals(r.number("tcp.connections"), r.number("tcp.survived"), "every TCP connection survived"),
                () -> {
                    for (int i = 0; i < r.number("cuts.count"); i++) {
                        assertEquals("cable-unplugged", r.text("cut." + i + ".reason"), "cut " + i);
                        assertEquals("cable-plugged", r.text("restore." + i + ".reason"), "restore " + i);
                    }
                });
    }

    @Test
    @DisplayName("helper 2b: on a Wi-Fi that queues, the restore loses nothing: the standby port delivers around the switch")
    void restoreOnSlowWifiLosesNothing() {
        ScenarioResult r = result();
        r.print("slow_air.delay_ms", "slow_air.restore.sent", "slow_air.restore.lost", "slow_air.restore.lost_at_ms",
                "slow_air.restore.longest_gap_ms", "slow_air.tcp_connections", "slow_air.tcp_survived",
                "slow_air.standby_shut_after_ms");
        assertAll(
                () -> assertTrue(r.number("slow_air.restore.sent") >= 100, "the probe kept sending"),
                // At most one: see FoundationLabIT on the bridges' race that no bond can help.
                () -> assertTrue(r.number("slow_air.restore.lost") <= 1,
                        "replies on the air to the Wi-Fi port at the switch reached the bond; lost at "
                                + r.text("slow_air.restore.lost_at_ms") + " ms"),
                () -> assertEquals(r.number("slow_air.tcp_connections"), r.number("slow_air.tcp_survived"),
                        "every TCP connection survived"),
                () -> assertTrue(r.number("slow_air.standby_shut_after_ms") < 15_000,
                        "the standby port stops delivering by itself after the switch"));
    }

    @Test
    @DisplayName("helper 3: switch wireless and auto move traffic; a user polkit refuses changes nothing")
    void switchingAndWhoMaySwitch() {
        ScenarioResult r = result();
        r.print("switch_wireless.exit", "switch_wireless.active", "switch_auto.exit", "switch_auto.active",
                "refused.exit", "refused.message", "refused.active_after", "refused.preference_after");
        assertAll(
                () -> assertEquals("wlan0", r.text("switch_wireless.active")),
                () -> assertEquals("eth0", r.text("switch_auto.active"), "automatic picks the faster link"),
                () -> assertEquals(4, r.number("refused.exit"), "mallory is told she is not authorized"),
                () -> assertTrue(r.text("refused.message").contains("not authorized"), r.text("refused.message")),
                () -> assertEquals("eth0", r.text("refused.active_after"), "nothing moved"),
                () -> assertEquals("automatic", r.text("refused.preference_after"), "nothing changed"));
    }

    @Test
    @DisplayName("helper 3b: a Wi-Fi port carries traffic only once wpa_supplicant has the keys in place")
    void wifiWaitsForItsKeys() {
        ScenarioResult r = result();
        r.print("readiness.timeline", "readiness.active_after_completed_ms", "readiness.switchover_reason");
        assertAll(
                () -> assertEquals("true", r.text("readiness.completed_seen")),
                () -> assertEquals("true", r.text("readiness.active_seen")),
                () -> assertTrue(r.number("readiness.active_after_completed_ms") >= 0,
                        "wlan0 became active before wpa_supplicant reported completed"),
                () -> assertEquals("wifi-ready", r.text("readiness.switchover_reason")));
    }

    @Test
    @DisplayName("helper 3c: rfkill is the reason, even with the cable cut; unblocking puts Wi-Fi back without a call")
    void rfkillIsExplained() {
        ScenarioResult r = result();
        r.print("rfkill.role", "rfkill.state", "rfkill.reason", "rfkill.switch_exit", "rfkill.switch_message",
                "rfkill.cut_state", "rfkill.cut_reason", "rfkill.unblock_to_active_ms", "rfkill.unblock_to_backup_ms",
                "rfkill.state_after");
        assertAll(
                () -> assertEquals("unavailable", r.text("rfkill.role")),
                () -> assertEquals("degraded", r.text("rfkill.state")),
                () -> assertTrue(r.text("rfkill.reason").contains("rfkill (soft block)"), r.text("rfkill.reason")),
                () -> assertEquals("down", r.text("rfkill.cut_state"), "cable cut while the radio is blocked"),
                () -> assertTrue(r.text("rfkill.cut_reason").contains("cable unplugged")
                        && r.text("rfkill.cut_reason").contains("rfkill"), r.text("rfkill.cut_reason")),
                () -> assertTrue(r.number("rfkill.unblock_to_active_ms") >= 0, "back on Wi-Fi without any call"),
                () -> assertEquals(1, r.number("rfkill.switch_exit")),
                () -> assertTrue(r.text("rfkill.switch_message").contains("rfkill"), r.text("rfkill.switch_message")),
                () -> assertEquals("up", r.text("rfkill.state_after")));
    }

    @Test
    @DisplayName("helper 3d: setup again on the live bond adds static addresses and the default route")
    void staticAddressing() {
        ScenarioResult r = result();
        r.print("static.exit", "static.output", "static.addresses", "static.api_addresses", "static.route",
                "static.ping", "static.state", "static.active");
        assertAll(
                () -> assertEquals(0, r.number("static.exit"), r.text("static.output")),
                () -> assertTrue(r.text("static.api_addresses").contains("192.168.50.250/24")
                        && r.text("static.api_addresses").contains("fd00:50::250/64"), r.text("static.api_addresses")),
                () -> assertTrue(r.text("static.route").contains("default via 192.168.50.1 proto static metric 100"),
                        r.text("static.route")),
                () -> assertEquals("true", r.text("static.ping"), "the static address reaches the router"),
                () -> assertEquals("up", r.text("static.state"), "changing the setup did not disturb the bond"));
    }

    @Test
    @DisplayName("helper 4: kill -9 under traffic loses nothing; the restarted helper adopts the bond")
    void crashedHelperIsAdopted() {
        ScenarioResult r = result();
        r.print("crash.state_before", "crash.active_before", "crash.sent", "crash.lost", "crash.longest_gap_ms",
                "crash.tcp_survived", "crash.restart_to_name_ms", "crash.state_after", "crash.active_after");
        assertAll(
                () -> assertEquals(0, r.number("crash.lost"), "no packet lost because the helper died"),
                () -> assertEquals(r.number("crash.tcp_connections"), r.number("crash.tcp_survived")),
                () -> assertEquals(r.text("crash.state_before"), r.text("crash.state_after")),
                () -> assertEquals(r.text("crash.active_before"), r.text("crash.active_after")));
    }

    @Test
    @DisplayName("helper 5: malformed calls are refused with a typed error and change nothing")
    void badInputIsRefused() {
        ScenarioResult r = result();
        String[] cases = {"unknown_interface", "name_16_chars", "dot_dot_slash", "shell_metachars", "empty_string",
                "bad_preference", "unknown_key", "wrong_variant_type", "huge_array", "port_pattern_chars",
                "timer_zero", "timer_huge", "unknown_port_in_setup", "wrong_type", "wrong_type_setup", "wrong_arity"};
        String[] keys = new String[cases.length + 4];
        for (int i = 0; i < cases.length; i++) {
            keys[i] = "bad." + cases[i];
        }
        keys[cases.length] = "bad.refused_user_unknown_interface";
        keys[cases.length + 1] = "bad.accepted";
        keys[cases.length + 2] = "bad.helper_alive";
        keys[cases.length + 3] = "bad.unchanged";
        r.print(keys);
        assertAll(
                () -> {
                    for (String c : cases) {
                        assertEquals(BondtrayBus.ERROR_INVALID_ARGS, r.text("bad." + c), c);
                    }
                },
                () -> assertEquals(BondtrayBus.ERROR_NOT_AUTHORIZED, r.text("bad.refused_user_unknown_interface")),
                () -> assertEquals(0, r.number("bad.accepted")),
                () -> assertEquals("true", r.text("bad.helper_alive")),
                () -> assertEquals("true", r.text("bad.unchanged")));
    }

    @Test
    @DisplayName("helper 5b: a port that is not in the bond is NotFound; two changes at once, one is Busy")
    void notFoundAndBusy() {
        ScenarioResult r = result();
        r.print("notfound.not_a_port", "busy.outcomes", "busy.attempts");
        assertAll(
                () -> assertEquals(BondtrayBus.ERROR_NOT_FOUND, r.text("notfound.not_a_port")),
                () -> assertTrue(r.text("busy.outcomes").contains("ok")
                        && r.text("busy.outcomes").contains(BondtrayBus.ERROR_BUSY), r.text("busy.outcomes")));
    }

    @Test
    @DisplayName("helper 6: disable removes the bond and gives the interfaces back, working")
    void disableGivesTheInterfacesBack() {
        ScenarioResult r = result();
        r.print("disable.exit", "disable.output", "disable.bond_exists", "disable.eth0", "disable.wlan0",
                "disable.wlan0_completed_ms", "disable.wlan0_carrier");
        assertAll(
                () -> assertEquals(0, r.number("disable.exit")),
                () -> assertEquals("false", r.text("disable.bond_exists")),
                () -> assertTrue(r.text("disable.eth0").contains("state UP") && !r.text("disable.eth0").contains("master"),
                        r.text("disable.eth0")),
                () -> assertTrue(!r.text("disable.wlan0").contains("master"), r.text("disable.wlan0")),
                () -> assertEquals("1", r.text("disable.wlan0_carrier"), "Wi-Fi associated again on its own"));
    }
}
