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
}
