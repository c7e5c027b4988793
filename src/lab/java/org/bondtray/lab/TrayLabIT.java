package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tray app with the real helper in the lab: xfce4-panel and dunst on a virtual display in the
 * guest, the cable cut and restored three times; the Wi-Fi command line; the tray's windows.
 * Screenshots in target/lab/run/tray/ and target/lab/run/windows/.
 */
class TrayLabIT {
    @Test
    @DisplayName("tray: every cut and restore brings a notification and the icon of the link in use")
    void cutsReachTheTray() {
        HelperFigures.Tray r = LabRun.figures(Scenarios.HELPER_TRAY, HelperFigures.Tray.class);
        assertAll(
                () -> assertEquals("bondtray-wired", r.iconBefore()),
                () -> assertEquals("Now on Wi-Fi (bondtray-lan)", r.cutSummary()),
                () -> assertTrue(r.iconOnWifi().startsWith("bondtray-wireless-"), r.iconOnWifi()),
                () -> assertTrue(r.tooltipOnWifi().startsWith("Traffic on Wi-Fi bondtray-lan"), r.tooltipOnWifi()),
                () -> assertEquals(1, r.displayedAfterCut(), "dunst shows it"),
                () -> assertTrue(r.restoreSummary().startsWith("Back on the cable"), r.restoreSummary()),
                () -> assertEquals("bondtray-wired", r.iconAfter()),
                () -> assertTrue(r.displayedAtEnd() <= 1, "six switchovers, replaced rather than piled up"));
    }

    @Test
    @DisplayName("tray: bondtray wifi lists, joins WPA2 and WPA3, refuses a wrong password, forgets; says what to change without netdev")
    void wifiCommandLine() {
        HelperFigures.WifiCli r = LabRun.figures(Scenarios.HELPER_WIFI_CLI, HelperFigures.WifiCli.class);
        String json = r.listJson();
        assertAll(
                () -> assertEquals(1, r.withoutNetdev().exit()),
                () -> assertTrue(r.withoutNetdev().output().contains("netdev"), r.withoutNetdev().output()),
                () -> assertEquals(0, r.listExit()),
                () -> assertTrue(json.contains("\"ssid\":\"bondtray-lan\"") && json.contains("\"in_use\":true"), json),
                () -> assertTrue(json.contains("\"ssid\":\"bondtray-lan-wpa3\",") && json.contains("\"security\":\"WPA3\""), json),
                () -> assertTrue(json.contains("\"ssid\":\"bondtray-cafe\""), json),
                () -> assertEquals(1, r.wrong().exit()),
                () -> assertTrue(r.wrong().output().contains("password"), r.wrong().output()),
                () -> assertEquals(List.of("bondtray-cafe", "bondtray-lan-wpa3", "bondtray-lan"),
                        r.joins().stream().map(HelperFigures.Join::ssid).toList()),
                () -> {
                    for (HelperFigures.Join j : r.joins()) {
                        assertEquals(0, j.said().exit(), j.said().output());
                        assertEquals(j.ssid(), j.ssidNow());
                        assertFalse(j.leaksPassword(), j.ssid());
                    }
                },
                () -> assertEquals(0, r.forget().exit()),
                () -> assertEquals(1, r.forgetAgainExit(), "forgotten means gone"));
    }

    @Test
    @DisplayName("tray: the example bus policy for netdev lets alice pick networks, never create an interface")
    void examplePolicyGrantsOnlyThePicker() {
        HelperFigures.ExamplePolicy r =
                LabRun.figures(Scenarios.HELPER_WIFI_CLI, HelperFigures.WifiCli.class).examplePolicy();
        assertAll(
                () -> assertEquals(0, r.listExit(), r.list()),
                () -> assertTrue(r.list().contains("bondtray-lan"), r.list()),
                () -> assertTrue(deniedByTheBus(r.createInterface()), r.createInterface()),
                () -> assertTrue(deniedByTheBus(r.setProperty()), r.setProperty()));
    }

    /** busctl's words for the bus policy's refusal (org.freedesktop.DBus.Error.AccessDenied). */
    private static boolean deniedByTheBus(String output) {
        return output.contains("Access denied") || output.contains("AccessDenied") || output.contains("Rejected send message");
    }

    @Test
    @DisplayName("windows: the picker shows the cached list then a fresh scan, refuses a wrong password, joins, rejoins a saved network, forgets")
    void wifiPicker() {
        HelperFigures.Windows w = LabRun.figures(Scenarios.HELPER_WINDOWS, HelperFigures.Windows.class);
        HelperFigures.Picker r = w.picker();
        assertAll(
                () -> assertTrue(r.rows().startsWith("bondtray-lan*"), "in use first: " + r.rows()),
                () -> assertTrue(r.rows().contains("bondtray-cafe"), r.rows()),
                () -> assertEquals("", r.keepsWithoutBond(), "with no bond, no network keeps connections when you unplug"),
                () -> assertEquals("bondtray-lan", w.keeps().keeps(),
                        "with the bond, the LAN's Wi-Fi, seen same-network, keeps connections when you unplug;"
                                + " the café does not: " + w.keeps().rowsWithBond()),
                () -> assertTrue(r.openToListMs() < r.openToScanMs(), "the cached list comes before the scan's"),
                () -> assertTrue(r.passwordShown()),
                () -> assertTrue(r.passwordCleared(), "the field keeps no password"),
                () -> assertTrue(r.wrong().contains("did not accept the password"), r.wrong()),
                () -> assertEquals("Connected to bondtray-cafe", r.joined(),
                        "joined and saved (SaveConfig) in wpa_supplicant's configuration file"),
                () -> assertTrue(r.savedAfterJoin(), "the café in the saved file"),
                () -> assertFalse(r.savedPassphrase(), "the file has the key computed in the tray, never the password"),
                () -> assertFalse(r.savedAfterForget(), "forgotten in the file too"),
                () -> assertEquals("bondtray-cafe", r.ssidNow()),
                () -> assertFalse(r.knownAsksPassword(), "a saved network needs none"),
                () -> assertEquals("bondtray-lan", r.backSsid()),
                () -> assertEquals("Forgot bondtray-cafe", r.forgot()),
                () -> assertTrue(r.rowsAfter().contains("bondtray-cafe") && !r.rowsAfter().contains("bondtray-cafe+"),
                        r.rowsAfter()));
    }

    @Test
    @DisplayName("windows: settings set the bond up, keep a change at the countdown, show the helper's rollback; status follows a cut")
    void settingsAndStatus() {
        HelperFigures.Windows w = LabRun.figures(Scenarios.HELPER_WINDOWS, HelperFigures.Windows.class);
        HelperFigures.FirstSettings first = w.settings();
        HelperFigures.Status status = w.status();
        HelperFigures.Countdown countdown = w.countdown();
        assertAll(
                () -> assertTrue(first.ports().contains("eth0 (cable)") && first.ports().contains("wlan0 (Wi-Fi)"),
                        first.ports()),
                () -> assertTrue(first.first().startsWith("Applied") || first.first().startsWith("Kept"), first.first()),
                () -> assertTrue(status.rows() >= 2),
                () -> assertTrue(status.newest().startsWith("wlan0>eth0 cable-plugged"), status.newest()),
                () -> assertTrue(status.second().startsWith("eth0>wlan0 cable-unplugged"), status.second()),
                () -> assertTrue(status.address().contains("192.168.50."), status.address()),
                () -> assertTrue(status.cards().contains("port-eth0") && status.cards().contains("port-wlan0")),
                () -> assertTrue(status.samples() >= 2, "the chart has readings"),
                () -> assertTrue(Double.parseDouble(status.darkBrightness()) < 0.3,
                        "dark when the desktop is (windows/status-dark.png): " + status.darkBrightness()),
                () -> assertTrue(Double.parseDouble(w.keeps().darkBrightness()) < 0.3,
                        "dark when the desktop is (windows/picker-dark.png): " + w.keeps().darkBrightness()),
                () -> assertTrue(Double.parseDouble(countdown.darkBrightness()) < 0.3,
                        "dark when the desktop is (windows/settings-dark.png): " + countdown.darkBrightness()),
                () -> assertTrue(countdown.countdown().startsWith("Keep this configuration? Going back in"),
                        countdown.countdown()),
                () -> assertTrue(countdown.deadlineS() > 500, "the helper's deadline is the one asked for"),
                () -> assertEquals("Kept", countdown.keep()),
                () -> assertEquals(0, countdown.deadlineAfterKeep()),
                () -> assertTrue(countdown.rolledBack().startsWith("Went back to the previous configuration: no gateway"),
                        countdown.rolledBack()),
                () -> assertEquals("dhcp", countdown.addressingAfter(), "the form shows what is back"),
                () -> assertEquals(0, w.disableExit()));
    }
}
