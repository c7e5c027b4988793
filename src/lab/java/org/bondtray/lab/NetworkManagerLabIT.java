package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The helper next to Debian's NetworkManager: it takes the ports over, no fight, gives them back. */
class NetworkManagerLabIT {

    @Test
    @DisplayName("NetworkManager lets go of the cable and the Wi-Fi on setup, looks on during 10 cuts, and gets both back on disable")
    void takesOverAndGivesBack() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.NETWORK_MANAGER);
        r.print("nm.eth_connected_ms", "nm.wifi_connected_ms", "nm.before", "nm.eth_address_before", "setup_exit",
                "setup_ms", "up_ms", "nm.after_setup", "bond.ports", "bond.address_ms", "bond.address", "eth_addresses_after_setup", "wifi.ssid_under_helper",
                "wifi.saved_ssid", "wifi.saved_key", "wifi.saved_modes", "wifi.mallory_read_exit", "wifi.resave_exit",
                "wifi.resave_output", "wifi.resaved", "wifi.resaved_modes", "wifi.resaved_mallory_exit",
                "wifi.mallory_read_error", "cuts", "nm.during_cuts", "nm.after_cuts", "eth_addresses_during",
                "disable_exit", "nm.eth_back_ms", "nm.wifi_back_ms", "nm.after_disable", "nm.eth_address_after",
                "bond.after_disable");
        assertAll(
                () -> assertEquals("eth0 connected, wlan0 connected", r.text("nm.before"), "NetworkManager had both"),
                () -> assertEquals(0, r.number("setup_exit"), r.text("setup_output")),
                () -> assertEquals("eth0 unmanaged, wlan0 unmanaged", r.text("nm.after_setup"), "setup took both"),
                () -> assertEquals("eth0 wlan0", r.text("bond.ports")),
                () -> assertTrue(r.text("bond.address").startsWith("192.168.50."), r.text("bond.address")),
                () -> assertEquals("bondtray-lan", r.text("wifi.ssid_under_helper"),
                        "the Wi-Fi network went with the adapter to wpa_supplicant"),
                () -> assertEquals("true", r.text("wifi.saved_ssid"), "and was saved in the helper's networks file"),
                () -> assertEquals("true", r.text("wifi.saved_key")),
                () -> assertEquals("700 600", r.text("wifi.saved_modes"), "the folder and the file are root's alone"),
                () -> assertEquals("false", r.text("wifi.mallory_read_key"), r.text("wifi.mallory_read_error")),
                () -> assertTrue(r.text("wifi.mallory_read_error").contains("Permission denied"),
                        r.text("wifi.mallory_read_error")),
                // wpa_supplicant's SaveConfig after alice's join: the file is new, the keys still root's.
                () -> assertEquals(0, r.number("wifi.resave_exit"), r.text("wifi.resave_output")),
                () -> assertEquals("true", r.text("wifi.resaved"), "wpa_supplicant wrote the file anew"),
                () -> assertTrue(r.text("wifi.resaved_modes").startsWith("700 "), r.text("wifi.resaved_modes")),
                () -> assertNotEquals(0, r.number("wifi.resaved_mallory_exit")),
                () -> assertEquals("false", r.text("wifi.resaved_mallory_key")),
                () -> assertEquals("", r.text("nm.during_cuts"), "NetworkManager did nothing during the cuts"),
                () -> assertEquals("eth0 unmanaged, wlan0 unmanaged", r.text("nm.after_cuts")),
                () -> assertEquals("", r.text("eth_addresses_during"), "no address of NetworkManager's on the port"),
                () -> assertEquals(0, r.number("disable_exit"), r.text("disable_output")),
                () -> assertEquals("eth0 connected, wlan0 connected", r.text("nm.after_disable"),
                        "disable gave both back and NetworkManager connected them again"),
                () -> assertTrue(r.text("nm.eth_address_after").startsWith("192.168.50."), r.text("nm.eth_address_after")),
                () -> assertEquals("gone", r.text("bond.after_disable")));
    }

    /**
     * Issue 20's comparison: the office walk with NetworkManager alone, in the same run as
     * Bondtray's (LaptopLabIT's walk). NetworkManager held the café's address before the cable
     * went; the figure is how long new connections still took the dead cable. Both lose the
     * connections that were open: the other network has another address.
     */
    @Test
    @DisplayName("office walk with NetworkManager alone: how long new connections still take the pulled cable")
    void officeWalkWithNetworkManagerAlone() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.NETWORK_MANAGER);
        r.print("nm.walk.before", "nm.walk.cafe_route_ms", "nm.walk.on_wifi", "nm.walk.lan_route_ms", "nm.walk.back",
                "nm.walk.cafe_route6_ms", "nm.walk.on_wifi6", "nm.walk.lan_route6_ms", "nm.walk.back6");
        String error = r.textOr("step.nm_walk.error", null);
        if (error != null) {
            org.junit.jupiter.api.Assertions.fail("the walk with NetworkManager failed in the VM: "
                    + r.textOr("step.nm_walk.error_trace", error));
        }
        assertAll(
                () -> assertTrue(r.text("nm.walk.before").startsWith("eth0 192.168.50."), r.text("nm.walk.before")),
                () -> assertTrue(r.number("nm.walk.cafe_route_ms") >= 0, "new connections go through the café"),
                () -> assertTrue(r.text("nm.walk.on_wifi").startsWith("wlan0 192.168.60."), r.text("nm.walk.on_wifi")),
                () -> assertTrue(r.number("nm.walk.lan_route_ms") >= 0, "and through the cable again once it is back"));
    }

    @Test
    @DisplayName("NetworkManager restarted three times under traffic, a cut after each: the ports unmanaged from its start, never touched, 0 TCP lost")
    void networkManagerRestartsTakeNothing() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.NETWORK_MANAGER);
        r.print("nm_restart.count", "nm_restart.answered_ms", "nm_restart.first_states", "nm_restart.views",
                "nm_restart.port_changes", "nm_restart.bond_assumed", "nm_restart.helper_said", "nm_restart.conf",
                "nm_restart.tcp_connections", "nm_restart.tcp_lost", "nm_restart.ping_lost", "nm_restart.longest_gap_ms");
        assertAll(
                () -> assertEquals("true", r.text("nm_restart.first_all_unmanaged"),
                        "NetworkManager's first word on each port: unmanaged (10): " + r.text("nm_restart.first_states")),
                () -> assertEquals("", r.text("nm_restart.port_changes"), "NetworkManager touched no port"),
                () -> assertEquals(r.number("nm_restart.count"), r.number("nm_restart.helper_said"),
                        "the helper heard each restart and said it all again"),
                () -> assertEquals(0, r.number("nm_restart.tcp_lost"), "of " + r.text("nm_restart.tcp_connections")));
    }

    @Test
    @DisplayName("wpa_supplicant restarted on the cable: the Wi-Fi is handed back and a ready standby again; the cut lands on it, 0 TCP lost")
    void wpaSupplicantRestartLeavesAReadyStandby() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.NETWORK_MANAGER);
        r.print("wpa_restart.restart_ms", "wpa_restart.standby_ms", "wpa_restart.since_restart_ms", "wpa_restart.ssid",
                "wpa_restart.helper_said", "wpa_restart.helper_lines", "wpa_restart.tcp_connections", "wpa_restart.tcp_lost", "wpa_restart.ping_lost");
        assertAll(
                () -> assertTrue(r.number("wpa_restart.standby_ms") >= 0, "a ready standby again"),
                () -> assertTrue(r.text("wpa_restart.helper_said").contains("handed to it again"), r.text("wpa_restart.helper_said")),
                () -> assertEquals(0, r.number("wpa_restart.tcp_lost"), "of " + r.text("wpa_restart.tcp_connections")));
    }

    @Test
    @DisplayName("NetworkManager shows the bond connected (externally), its state connected, not disconnected, through setup, 10 cuts and its restarts; after disable as before")
    void networkManagerShowsTheBondConnected() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.NETWORK_MANAGER);
        r.print("online.before", "online.setup_ms", "online.after_setup", "online.setup_states", "online.bond_seen",
                "online.after_check", "online.after_cuts", "online.cut_states", "online.after_restarts_ms",
                "online.after_restarts", "online.after_disable");
        assertAll(
                () -> assertEquals("connected 70 available full", r.text("online.before"), "NetworkManager alone"),
                // Before, the bond was made unmanaged and NetworkManager said "disconnected" (20).
                () -> assertTrue(r.text("online.bond_seen").startsWith("GENERAL.STATE:100 (connected (externally))"),
                        r.text("online.bond_seen")),
                () -> assertTrue(connected(r.text("online.after_setup")), r.text("online.after_setup")),
                () -> assertTrue(connected(r.text("online.after_cuts")), r.text("online.after_cuts")),
                () -> assertTrue(r.text("online.cut_states").matches("\\[((50|60|70)(, (50|60|70))*)?\\]"),
                        "never disconnected during the cuts: " + r.text("online.cut_states")),
                () -> assertTrue(connected(r.text("online.after_restarts")), r.text("online.after_restarts")),
                () -> assertEquals("connected 70 available full", r.text("online.after_disable"),
                        "as before, NetworkManager's own again"));
    }

    /** A reading of NetworkManager's global state at "connected" of some reach (local, site, global). */
    private static boolean connected(String reading) {
        return reading.matches("connected.* (50|60|70) .*");
    }
}
