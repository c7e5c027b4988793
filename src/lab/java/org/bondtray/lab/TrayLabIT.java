package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tray app with the real helper in the lab: xfce4-panel and dunst on a virtual display in the
 * guest, the cable cut and restored three times. Screenshots in target/lab/run/tray/.
 */
class TrayLabIT {
    @Test
    @DisplayName("tray: every cut and restore brings a notification and the icon of the link in use")
    void cutsReachTheTray() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        assertEquals("", r.textOr("tray.error", ""), r.textOr("tray.error_trace", ""));
        r.print("tray.panel_watcher_ms", "tray.start_to_registered_ms", "tray.icon_before", "tray.cut_summary", "tray.icon_on_wifi",
                "tray.tooltip_on_wifi", "tray.displayed_after_cut", "tray.cut_to_icon_ms", "tray.cut_to_notification_ms",
                "tray.restore_summary", "tray.restore_to_notification_ms", "tray.icon_after", "tray.displayed_at_end");
        assertAll(
                () -> assertEquals("bondtray-wired", r.text("tray.icon_before")),
                () -> assertEquals("Now on Wi-Fi (bondtray-lan)", r.text("tray.cut_summary")),
                () -> assertTrue(r.text("tray.icon_on_wifi").startsWith("bondtray-wireless-"), r.text("tray.icon_on_wifi")),
                () -> assertTrue(r.text("tray.tooltip_on_wifi").startsWith("Traffic on Wi-Fi bondtray-lan"),
                        r.text("tray.tooltip_on_wifi")),
                () -> assertEquals("1", r.text("tray.displayed_after_cut"), "dunst shows it"),
                () -> assertTrue(r.text("tray.restore_summary").startsWith("Back on the cable"), r.text("tray.restore_summary")),
                () -> assertEquals("bondtray-wired", r.text("tray.icon_after")),
                () -> assertTrue(Integer.parseInt(r.text("tray.displayed_at_end")) <= 1,
                        "six switchovers, replaced rather than piled up"));
    }

    @Test
    @DisplayName("tray: bondtray wifi lists, joins WPA2 and WPA3, refuses a wrong password, forgets; says what to change without netdev")
    void wifiCommandLine() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        r.print("wifi_cli.without_netdev.exit", "wifi_cli.without_netdev.err", "wifi_cli.list.exit", "wifi_cli.list.text",
                "wifi_cli.wrong.exit", "wifi_cli.wrong.err", "wifi_cli.wrong.ms",
                "wifi_cli.join.bondtray-cafe.exit", "wifi_cli.join.bondtray-cafe.out", "wifi_cli.join.bondtray-cafe.ms",
                "wifi_cli.join.bondtray-lan-wpa3.exit", "wifi_cli.join.bondtray-lan-wpa3.out",
                "wifi_cli.join.bondtray-lan-wpa3.ms", "wifi_cli.join.bondtray-lan.exit", "wifi_cli.join.bondtray-lan.ms",
                "wifi_cli.forget.exit", "wifi_cli.forget.out", "wifi_cli.forget_again.exit");
        String json = r.text("wifi_cli.list.json");
        assertAll(
                () -> assertEquals(1, r.number("wifi_cli.without_netdev.exit")),
                () -> assertTrue(r.text("wifi_cli.without_netdev.err").contains("netdev"), r.text("wifi_cli.without_netdev.err")),
                () -> assertEquals(0, r.number("wifi_cli.list.exit")),
                () -> assertTrue(json.contains("\"ssid\":\"bondtray-lan\"") && json.contains("\"in_use\":true"), json),
                () -> assertTrue(json.contains("\"ssid\":\"bondtray-lan-wpa3\",") && json.contains("\"security\":\"WPA3\""), json),
                () -> assertTrue(json.contains("\"ssid\":\"bondtray-cafe\""), json),
                () -> assertEquals(1, r.number("wifi_cli.wrong.exit")),
                () -> assertTrue(r.text("wifi_cli.wrong.err").contains("password"), r.text("wifi_cli.wrong.err")),
                () -> {
                    for (String ssid : new String[] {"bondtray-cafe", "bondtray-lan-wpa3", "bondtray-lan"}) {
                        assertEquals(0, r.number("wifi_cli.join." + ssid + ".exit"), r.text("wifi_cli.join." + ssid + ".out"));
                        assertEquals(ssid, r.text("wifi_cli.join." + ssid + ".ssid_now"));
                        assertEquals("false", r.text("wifi_cli.join." + ssid + ".leaks_password"));
                    }
                },
                () -> assertEquals(0, r.number("wifi_cli.forget.exit")),
                () -> assertEquals(1, r.number("wifi_cli.forget_again.exit"), "forgotten means gone"));
    }

    @Test
    @DisplayName("tray: the example bus policy for netdev lets alice pick networks, never create an interface")
    void examplePolicyGrantsOnlyThePicker() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        r.print("wifi_cli.example_policy.list_exit", "wifi_cli.example_policy.list",
                "wifi_cli.example_policy.create_interface", "wifi_cli.example_policy.set_property");
        assertAll(
                () -> assertEquals(0, r.number("wifi_cli.example_policy.list_exit"), r.text("wifi_cli.example_policy.list")),
                () -> assertTrue(r.text("wifi_cli.example_policy.list").contains("bondtray-lan"),
                        r.text("wifi_cli.example_policy.list")),
                () -> assertTrue(deniedByTheBus(r.text("wifi_cli.example_policy.create_interface")),
                        r.text("wifi_cli.example_policy.create_interface")),
                () -> assertTrue(deniedByTheBus(r.text("wifi_cli.example_policy.set_property")),
                        r.text("wifi_cli.example_policy.set_property")));
    }

    /** busctl's words for the bus policy's refusal (org.freedesktop.DBus.Error.AccessDenied). */
    private static boolean deniedByTheBus(String output) {
        return output.contains("Access denied") || output.contains("AccessDenied") || output.contains("Rejected send message");
    }

    @Test
    @DisplayName("windows: the picker shows the cached list then a fresh scan, refuses a wrong password, joins, rejoins a saved network, forgets")
    void wifiPicker() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        assertEquals("", r.textOr("windows.error", ""), r.textOr("windows.error_trace", ""));
        r.print("windows.open_wifi.click_to_shown_ms", "windows.picker.open_to_list_ms", "windows.picker.open_to_scan_ms",
                "windows.picker.rows", "windows.picker.keeps_without_bond", "windows.picker.keeps", "windows.picker.keeps_ms",
                "windows.picker.rows_with_bond", "windows.picker.wrong", "windows.picker.wrong_ms", "windows.picker.joined",
                "windows.picker.join_ms", "windows.picker.ssid_now", "windows.picker.saved_after_join",
                "windows.picker.saved_passphrase", "windows.picker.back_ssid", "windows.picker.forgot", "windows.picker.saved_after_forget",
                "windows.picker.rows_after");
        assertAll(
                () -> assertTrue(r.text("windows.picker.rows").startsWith("bondtray-lan*"), "in use first: "
                        + r.text("windows.picker.rows")),
                () -> assertTrue(r.text("windows.picker.rows").contains("bondtray-cafe"), r.text("windows.picker.rows")),
                () -> assertEquals("", r.text("windows.picker.keeps_without_bond"),
                        "with no bond, no network keeps connections when you unplug"),
                () -> assertEquals("bondtray-lan", r.text("windows.picker.keeps"),
                        "with the bond, the LAN's Wi-Fi, seen same-network, keeps connections when you unplug;"
                                + " the café does not: " + r.text("windows.picker.rows_with_bond")),
                () -> assertTrue(r.number("windows.picker.open_to_list_ms") < r.number("windows.picker.open_to_scan_ms"),
                        "the cached list comes before the scan's"),
                () -> assertEquals("true", r.text("windows.picker.password_shown")),
                () -> assertEquals("true", r.text("windows.picker.password_cleared"), "the field keeps no password"),
                () -> assertTrue(r.text("windows.picker.wrong").contains("did not accept the password"),
                        r.text("windows.picker.wrong")),
                () -> assertEquals("Connected to bondtray-cafe", r.text("windows.picker.joined"),
                        "joined and saved (SaveConfig) in wpa_supplicant's configuration file"),
                () -> assertEquals("true", r.text("windows.picker.saved_after_join"), "the café in the saved file"),
                () -> assertEquals("false", r.text("windows.picker.saved_passphrase"),
                        "the file has the key computed in the tray, never the password"),
                () -> assertEquals("false", r.text("windows.picker.saved_after_forget"), "forgotten in the file too"),
                () -> assertEquals("bondtray-cafe", r.text("windows.picker.ssid_now")),
                () -> assertEquals("false", r.text("windows.picker.known_asks_password"), "a saved network needs none"),
                () -> assertEquals("bondtray-lan", r.text("windows.picker.back_ssid")),
                () -> assertEquals("Forgot bondtray-cafe", r.text("windows.picker.forgot")),
                () -> assertTrue(r.text("windows.picker.rows_after").contains("bondtray-cafe")
                        && !r.text("windows.picker.rows_after").contains("bondtray-cafe+"), r.text("windows.picker.rows_after")));
    }

    @Test
    @DisplayName("windows: settings set the bond up, keep a change at the countdown, show the helper's rollback; status follows a cut")
    void settingsAndStatus() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        assertEquals("", r.textOr("windows.error", ""), r.textOr("windows.error_trace", ""));
        r.print("windows.settings.ports", "windows.settings.first", "windows.settings.first_ms", "windows.status.rows",
                "windows.status.newest", "windows.status.second", "windows.status.address", "windows.status.network",
                "windows.status.cards", "windows.settings.countdown", "windows.settings.deadline_s", "windows.settings.keep",
                "windows.settings.bad_countdown", "windows.settings.rolled_back", "windows.settings.rolled_back_ms",
                "windows.settings.addressing_after", "windows.back_on_lan_ms");
        assertAll(
                () -> assertTrue(r.text("windows.settings.ports").contains("eth0 (cable)")
                        && r.text("windows.settings.ports").contains("wlan0 (Wi-Fi)"), r.text("windows.settings.ports")),
                () -> assertTrue(r.text("windows.settings.first").startsWith("Applied")
                        || r.text("windows.settings.first").startsWith("Kept"), r.text("windows.settings.first")),
                () -> assertTrue(r.number("windows.status.rows") >= 2),
                () -> assertTrue(r.text("windows.status.newest").startsWith("wlan0>eth0 cable-plugged"), r.text("windows.status.newest")),
                () -> assertTrue(r.text("windows.status.second").startsWith("eth0>wlan0 cable-unplugged"), r.text("windows.status.second")),
                () -> assertTrue(r.text("windows.status.address").contains("192.168.50."), r.text("windows.status.address")),
                () -> assertTrue(r.text("windows.status.cards").contains("port-eth0") && r.text("windows.status.cards").contains("port-wlan0")),
                () -> assertTrue(r.number("windows.status.samples") >= 2, "the chart has readings"),
                () -> assertTrue(Double.parseDouble(r.textOr("windows.status.dark_brightness", "1")) < 0.3,
                        "dark when the desktop is (windows/status-dark.png): " + r.textOr("windows.status.dark_brightness", "")),
                () -> assertTrue(Double.parseDouble(r.textOr("windows.picker.dark_brightness", "1")) < 0.3,
                        "dark when the desktop is (windows/picker-dark.png): " + r.textOr("windows.picker.dark_brightness", "")),
                () -> assertTrue(Double.parseDouble(r.textOr("windows.settings.dark_brightness", "1")) < 0.3,
                        "dark when the desktop is (windows/settings-dark.png): " + r.textOr("windows.settings.dark_brightness", "")),
                () -> assertTrue(r.text("windows.settings.countdown").startsWith("Keep this configuration? Going back in"),
                        r.text("windows.settings.countdown")),
                () -> assertTrue(r.number("windows.settings.deadline_s") > 500, "the helper's deadline is the one asked for"),
                () -> assertEquals("Kept", r.text("windows.settings.keep")),
                () -> assertEquals(0, r.number("windows.settings.deadline_after_keep")),
                () -> assertTrue(r.text("windows.settings.rolled_back").startsWith("Went back to the previous configuration: no gateway"),
                        r.text("windows.settings.rolled_back")),
                () -> assertEquals("dhcp", r.text("windows.settings.addressing_after"), "the form shows what is back"),
                () -> assertEquals(0, r.number("windows.disable_exit")));
    }
}
