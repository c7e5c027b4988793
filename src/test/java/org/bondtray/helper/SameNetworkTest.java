package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The verdict from who answered for the gateway through each port. */
class SameNetworkTest {
    private static final byte[] ROUTER = {0x52, 0x54, 0, 1, 2, 3};
    private static final byte[] OTHER_ROUTER = {0x52, 0x54, 0, 9, 9, 9};

    private static Map<String, Optional<byte[]>> heard(Optional<byte[]> wire, Optional<byte[]> wifi) {
        Map<String, Optional<byte[]>> m = new LinkedHashMap<>();
        m.put("eth0", wire);
        m.put("wlan0", wifi);
        return m;
    }

    @Test
    void theSameGatewayThroughBothIsOneNetwork() {
        assertEquals(SameNetwork.SAME, SameNetwork.judge(heard(Optional.of(ROUTER), Optional.of(ROUTER.clone()))));
    }

    @Test
    void anotherGatewayOrSilenceWhereTheOtherPortHeardOneIsAnotherNetwork() {
        assertEquals(SameNetwork.DIFFERENT, SameNetwork.judge(heard(Optional.of(ROUTER), Optional.of(OTHER_ROUTER))));
        assertEquals(SameNetwork.DIFFERENT, SameNetwork.judge(heard(Optional.of(ROUTER), Optional.empty())));
        assertEquals(SameNetwork.DIFFERENT, SameNetwork.judge(heard(Optional.empty(), Optional.of(ROUTER))));
    }

    @Test
    void silenceEverywhereOrOnePortTellsNothing() {
        assertEquals(SameNetwork.UNKNOWN, SameNetwork.judge(heard(Optional.empty(), Optional.empty())));
        assertEquals(SameNetwork.UNKNOWN, SameNetwork.judge(Map.of("eth0", Optional.of(ROUTER))));
        assertEquals("same-network", SameNetwork.SAME.wire());
        assertEquals("different-network", SameNetwork.DIFFERENT.wire());
    }
}
