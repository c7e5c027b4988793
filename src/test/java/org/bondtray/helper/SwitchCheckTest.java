package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.kernel.Link;
import org.junit.jupiter.api.Test;

/** Switch's refusals, each with its kind and words, decided before the kernel is touched. */
class SwitchCheckTest {
    private static final Link BOND = new Link(9, "bond0", Link.ARPHRD_ETHER, 1, true, "up", "02:00:00:00:00:09",
            null, 0, "bond", new Link.BondInfo(1, 2, 2, 100, 500, 0, 1, 2, false), null);

    private static PortFacts port(int index, String name, PortKind kind, boolean carrier, int master, String rfkill,
                                  String wpaState) {
        String mac = "aa:00:00:00:00:0" + index;
        Link l = new Link(index, name, Link.ARPHRD_ETHER, 1, carrier, carrier ? "up" : "down", mac, mac, master, null,
                null, new Link.PortInfo(false, carrier, 0, mac));
        return new PortFacts(l, kind, true, 1000, rfkill, new WifiInfo(wpaState, "HomeNet", -50, 300));
    }

    private static final PortFacts ETH0 = port(2, "eth0", PortKind.WIRED, true, 9, "", "");
    private static final PortFacts WLAN0 = port(3, "wlan0", PortKind.WIRELESS, true, 9, "", "completed");

    private static Refusal refused(Optional<Link> bond, List<PortFacts> facts, String port) {
        return assertThrows(Refusal.class, () -> SwitchCheck.target("bond0", bond, facts, port));
    }

    @Test
    void aReadyStandbyIsTheTarget() {
        assertEquals("wlan0", SwitchCheck.target("bond0", Optional.of(BOND), List.of(ETH0, WLAN0), "wlan0")
                .orElseThrow().name());
    }

    @Test
    void theActivePortIsNoChange() {
        assertTrue(SwitchCheck.target("bond0", Optional.of(BOND), List.of(ETH0, WLAN0), "eth0").isEmpty());
    }

    @Test
    void eachRefusalHasItsKind() {
        assertEquals(Refusal.Kind.FAILED, refused(Optional.empty(), List.of(ETH0), "eth0").kind());
        assertEquals(Refusal.Kind.INVALID_ARGS, refused(Optional.of(BOND), List.of(ETH0), "eth9").kind());
        assertEquals(Refusal.Kind.NOT_FOUND, refused(Optional.of(BOND),
                List.of(ETH0, port(4, "usb0", PortKind.WIRED, true, 0, "", "")), "usb0").kind());
        assertEquals(Refusal.Kind.RFKILLED, refused(Optional.of(BOND),
                List.of(ETH0, port(3, "wlan0", PortKind.WIRELESS, false, 9, "soft", "")), "wlan0").kind());
        Refusal associating = refused(Optional.of(BOND),
                List.of(ETH0, port(3, "wlan0", PortKind.WIRELESS, true, 9, "", "4way_handshake")), "wlan0");
        assertEquals(Refusal.Kind.FAILED, associating.kind());
        assertTrue(associating.getMessage().startsWith("wlan0 cannot carry traffic now: "), associating.getMessage());
    }
}
