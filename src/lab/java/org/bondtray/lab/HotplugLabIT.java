package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Adapters that come and go while the bond carries traffic, judged from the helper scenario: a
 * USB Ethernet adapter plugged in, the Wi-Fi adapter unplugged and plugged in again.
 */
class HotplugLabIT {
    private static ScenarioResult result() {
        return LabRun.shared().scenario(Scenarios.HELPER);
    }

    @Test
    @DisplayName("hotplug: a new wired adapter joins, Wi-Fi leaves and joins again once associated; the wire carries on")
    void adaptersComeAndGo() {
        ScenarioResult r = result();
        r.print("hotplug.setup_exit", "hotplug.wired_joined_ms", "hotplug.wired_backup_ms", "hotplug.wifi_dropped_ms",
                "hotplug.unplugged_state", "hotplug.unplugged_ports", "hotplug.wifi_name", "hotplug.wifi_joined_ms",
                "hotplug.wifi_backup_ms", "hotplug.wired_dropped_ms", "hotplug.sent", "hotplug.lost",
                "hotplug.longest_gap_ms", "hotplug.tcp_connections", "hotplug.tcp_survived", "hotplug.switchovers",
                "hotplug.active_after", "hotplug.state_after", "hotplug.ports_after", "hotplug.handed_over",
                "hotplug.joined_log");
        assertAll(
                () -> assertEquals(0, r.number("hotplug.setup_exit"), r.text("hotplug.setup_output")),
                () -> assertTrue(r.number("hotplug.wired_joined_ms") >= 0, "eth1 joined"),
                () -> assertTrue(r.text("hotplug.unplugged_ports").contains("eth1")
                        && !r.text("hotplug.unplugged_ports").contains("wlan"), r.text("hotplug.unplugged_ports")),
                () -> assertTrue(r.number("hotplug.wifi_backup_ms") >= 0, "Wi-Fi back as a working backup"),
                () -> assertTrue(r.text("hotplug.joined_log").contains(r.text("hotplug.wifi_name") + " joined"),
                        r.text("hotplug.joined_log")),
                () -> assertEquals(0, r.number("hotplug.switchovers"), "the cable carried everything"),
                () -> assertEquals(0, r.number("hotplug.lost"), "no echo request lost while adapters came and went"),
                () -> assertEquals(r.number("hotplug.tcp_connections"), r.number("hotplug.tcp_survived")),
                () -> assertEquals("eth0", r.text("hotplug.active_after")),
                () -> assertEquals("up", r.text("hotplug.state_after")),
                () -> assertEquals("eth0 " + r.text("hotplug.wifi_name"), r.text("hotplug.ports_after")));
    }
}
