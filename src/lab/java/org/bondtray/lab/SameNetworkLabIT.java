package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same-network check against the lab's two Wi-Fi networks, judged from the helper's scenario. */
class SameNetworkLabIT {

    @Test
    @DisplayName("same network: the bridged access point is the wire's network, the cafe's is not")
    void bridgedIsSameCafeIsDifferent() {
        HelperFigures.SameNetwork r = LabRun.figures(Scenarios.HELPER_SAME_NETWORK, HelperFigures.SameNetwork.class);
        assertAll(
                () -> assertEquals("same-network", r.bridged()),
                () -> assertEquals("different-network", r.cafe()),
                () -> assertEquals("eth0", r.cafeActive(), "the cable kept the traffic meanwhile"),
                () -> assertEquals("same-network", r.back()));
    }
}
