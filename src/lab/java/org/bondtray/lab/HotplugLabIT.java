package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Adapters that come and go while the bond carries traffic, judged from the helper's hotplug
 * scenario: a USB Ethernet adapter plugged in, the Wi-Fi adapter unplugged and plugged in again.
 */
class HotplugLabIT {
    @Test
    @DisplayName("hotplug: a new wired adapter joins, Wi-Fi leaves and joins again once associated; the wire carries on")
    void adaptersComeAndGo() {
        HelperFigures.Hotplug r = LabRun.figures(Scenarios.HELPER_HOTPLUG, HelperFigures.Hotplug.class);
        assertAll(
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                () -> assertTrue(r.wiredJoinedMs() >= 0, "eth1 joined"),
                () -> assertTrue(r.unpluggedPorts().contains("eth1") && !r.unpluggedPorts().contains("wlan"),
                        r.unpluggedPorts()),
                () -> assertTrue(r.wifiBackupMs() >= 0, "Wi-Fi back as a working backup"),
                () -> assertTrue(r.joinedLog().contains(r.wifiName() + " joined"), r.joinedLog()),
                () -> assertEquals(0, r.switchovers(), "the cable carried everything"),
                () -> assertEquals(0, r.window().lost(), "no echo request lost while adapters came and went"),
                () -> assertEquals(r.tcp().connections(), r.tcp().survived()),
                () -> assertEquals("eth0", r.activeAfter()),
                () -> assertEquals("up", r.stateAfter()),
                () -> assertEquals("eth0 " + r.wifiName(), r.portsAfter()));
    }
}
