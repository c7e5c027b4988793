package org.bondtray.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bondtray.api.BondProperties;
import org.junit.jupiter.api.Test;

/** What {@code bondtray status} tells a person about the network and a change on probation. */
class StatusTextTest {
    private static Map<String, Object> bond(String network, long deadline) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(BondProperties.NAME, "bond0");
        p.put(BondProperties.STATE, "up");
        p.put(BondProperties.ACTIVE_PORT, "");
        p.put(BondProperties.ADDRESSES, List.of("192.168.1.7/24"));
        p.put(BondProperties.PREFERENCE, "wired");
        p.put(BondProperties.NETWORK, network);
        p.put(BondProperties.CONFIRM_DEADLINE, deadline);
        return p;
    }

    @Test
    void aDifferentNetworkIsSaidInWords() {
        assertTrue(StatusText.format(bond("different-network", 0)).contains("connections drop if traffic moves"));
        assertTrue(StatusText.format(bond("same-network", 0)).contains("a switch keeps connections"));
        assertFalse(StatusText.format(bond("unknown", 0)).contains("network "));
    }

    @Test
    void aChangeOnProbationSaysHowToKeepIt() {
        assertTrue(StatusText.format(bond("unknown", System.currentTimeMillis() * 1000 + 20_000_000L))
                .contains("'bondtray confirm' keeps it"));
        assertFalse(StatusText.format(bond("unknown", 0)).contains("probation"));
    }
}
