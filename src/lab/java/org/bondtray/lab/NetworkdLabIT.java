package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The helper next to systemd-networkd: it has networkd leave the cable alone, and gives it back. */
class NetworkdLabIT {

    @Test
    @DisplayName("systemd-networkd lets go of the cable on setup (runtime .network file, reload), looks on during cuts, and configures it again on disable")
    void takesOverAndGivesBack() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.NETWORKD);
        r.print("networkd.configured_ms", "networkd.before", "eth_address_before", "helper.start_to_name_ms", "setup_exit",
                "setup_ms", "up_ms", "networkd.after_setup", "runtime_files", "bond.ports", "bond.address_ms", "cuts",
                "networkd.after_cuts", "eth_addresses_during", "disable_exit", "networkd.back_ms",
                "networkd.after_disable", "runtime_files_after");
        assertAll(
                () -> assertEquals("eth0 configured, wlan0 unmanaged", r.text("networkd.before"), "networkd had the cable"),
                () -> assertTrue(r.text("eth_address_before").startsWith("192.168.50."), r.text("eth_address_before")),
                () -> assertEquals(0, r.number("setup_exit"), r.text("setup_output")),
                () -> assertEquals("eth0 unmanaged, wlan0 unmanaged, bond0 unmanaged", r.text("networkd.after_setup"),
                        "setup had networkd leave the cable and the bond alone"),
                () -> assertEquals("00-bondtray-bond0.network 00-bondtray-eth0.network", r.text("runtime_files"),
                        "the cable's, and the bond's (networkd starts on any new link until it is told)"),
                () -> assertEquals("eth0 wlan0", r.text("bond.ports")),
                () -> assertEquals("eth0 unmanaged, wlan0 unmanaged, bond0 unmanaged", r.text("networkd.after_cuts")),
                () -> assertEquals("", r.text("eth_addresses_during"), "no address of networkd's on the port"),
                () -> assertEquals(0, r.number("disable_exit"), r.text("disable_output")),
                () -> assertEquals("eth0 configured, wlan0 unmanaged", r.text("networkd.after_disable"),
                        "disable gave the cable back and networkd configured it again"),
                () -> assertEquals("", r.text("runtime_files_after"), "the helper's files are gone"));
    }
}
