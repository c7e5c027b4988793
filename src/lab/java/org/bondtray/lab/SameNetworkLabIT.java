package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same-network check against the lab's two Wi-Fi networks, judged from the helper scenario. */
class SameNetworkLabIT {

    @Test
    @DisplayName("same network: the bridged access point is the wire's network, the cafe's is not")
    void bridgedIsSameCafeIsDifferent() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.HELPER);
        r.print("network.same_ms", "network.bridged", "network.cafe_ssid_ms", "network.different_ms", "network.cafe",
                "network.cafe_active", "network.back_ms", "network.back", "network.heard");
        assertAll(
                () -> assertEquals("same-network", r.text("network.bridged")),
                () -> assertEquals("different-network", r.text("network.cafe")),
                () -> assertEquals("eth0", r.text("network.cafe_active"), "the cable kept the traffic meanwhile"),
                () -> assertEquals("same-network", r.text("network.back")));
    }
}
