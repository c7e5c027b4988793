package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bondtray.helper.kernel.Link;
import org.junit.jupiter.api.Test;

/** Which port the helper makes active when the active one loses its carrier, before miimon would. */
class FastFailoverTest {
    private static final int BOND = 10;
    private static final int ETH = 2;
    private static final int WLAN = 3;
    private static final int USB_ETH = 4;
    private static final Function<String, PortKind> KINDS =
            Map.of("eth0", PortKind.WIRED, "wlan0", PortKind.WIRELESS, "usb0", PortKind.WIRED)::get;

    private static Link bond(int mode, int active, int primary) {
        return bond(mode, active, primary, 0);
    }

    private static Link bond(int mode, int active, int primary, int downdelay) {
        return new Link(BOND, "bond0", 1, 0x1, true, "up", "aa", null, 0, "bond",
                new Link.BondInfo(mode, active, primary, 100, 0, downdelay, 2, 1, false), null);
    }

    private static Link port(int index, String name, boolean carrier, String oper, boolean miiUp) {
        return new Link(index, name, 1, 0x1, carrier, oper, "bb", null, BOND, null, null,
                new Link.PortInfo(false, miiUp, 0, "bb"));
    }

    private static Optional<String> choose(Link bond, int lost, Preference p, Link... ports) {
        return FastFailover.choose(bond, lost, List.of(ports), p, KINDS).map(Link::name);
    }

    @Test
    void theCableOutMovesTrafficToTheReadyWifi() {
        assertEquals(Optional.of("wlan0"), choose(bond(1, ETH, ETH), ETH, Preference.WIRED,
                port(ETH, "eth0", false, "down", true), port(WLAN, "wlan0", true, "up", true)));
    }

    @Test
    void onlyWhatIsStillTrueNowMovesAnything() {
        assertTrue(FastFailover.stillActiveWithoutCarrier("eth0", false, "eth0"));
        // The kernel's link check was first: wlan0 carries traffic already.
        assertFalse(FastFailover.stillActiveWithoutCarrier("eth0", false, "wlan0"));
        // The cable is back by the time the event is read.
        assertFalse(FastFailover.stillActiveWithoutCarrier("eth0", true, "eth0"));
        // A backup's carrier went: nothing to move.
        assertFalse(FastFailover.stillActiveWithoutCarrier("wlan0", false, "eth0"));
    }

    @Test
    void noPortThatCannotCarryIsChosen() {
        Link b = bond(1, ETH, ETH);
        Link eth = port(ETH, "eth0", false, "down", true);
        // Associated but the keys not yet in place (wpa_supplicant keeps it dormant until then).
        assertEquals(Optional.empty(), choose(b, ETH, Preference.WIRED, eth, port(WLAN, "wlan0", true, "dormant", true)));
        // Up, but the bond has not counted it up yet (its updelay runs): the kernel would refuse.
        assertEquals(Optional.empty(), choose(b, ETH, Preference.WIRED, eth, port(WLAN, "wlan0", true, "up", false)));
        assertEquals(Optional.empty(), choose(b, ETH, Preference.WIRED, eth, port(WLAN, "wlan0", false, "down", true)));
    }

    @Test
    void notInAModeWithoutAnActivePort() {
        assertEquals(Optional.empty(), choose(bond(0, ETH, ETH), ETH, Preference.WIRED,
                port(ETH, "eth0", false, "down", true), port(WLAN, "wlan0", true, "up", true)));
    }

    @Test
    void thePrimaryFirstThenThePreferredKind() {
        Link wlan = port(WLAN, "wlan0", true, "up", true);
        Link usb = port(USB_ETH, "usb0", true, "up", true);
        Link eth = port(ETH, "eth0", false, "down", true);
        assertEquals(Optional.of("usb0"), choose(bond(1, ETH, 0), ETH, Preference.WIRED, eth, wlan, usb));
        assertEquals(Optional.of("wlan0"), choose(bond(1, ETH, 0), ETH, Preference.WIRELESS, eth, usb, wlan));
        assertEquals(Optional.of("wlan0"), choose(bond(1, ETH, WLAN), ETH, Preference.WIRED, eth, usb, wlan));
    }

    @Test
    void aLinkOfAnotherBondIsNoCandidate() {
        Link other = new Link(7, "wlan1", 1, 0x1, true, "up", "cc", null, 99, null, null,
                new Link.PortInfo(false, true, 0, "cc"));
        assertEquals(Optional.empty(), choose(bond(1, ETH, ETH), ETH, Preference.WIRED,
                port(ETH, "eth0", false, "down", true), other));
    }

    /** A down delay is her own wait before a failover: the helper keeps it as the kernel does. */
    @Test
    void aDownDelayIsKept() {
        assertEquals(Optional.empty(), choose(bond(1, ETH, ETH, 2000), ETH, Preference.WIRED,
                port(ETH, "eth0", false, "down", true), port(WLAN, "wlan0", true, "up", true)));
    }

    @Test
    void aCableBackWhileTrafficWasMovedOffItHasTheKernelChooseAgain() {
        // The cable is the primary, it is back, and the Wi-Fi carries: the move raced its return.
        assertTrue(FastFailover.backOnPrimary(ETH, true, ETH, false));
        assertFalse(FastFailover.backOnPrimary(ETH, false, ETH, false), "still out: nothing to take back");
        assertFalse(FastFailover.backOnPrimary(ETH, true, ETH, true), "it carries already");
        assertFalse(FastFailover.backOnPrimary(ETH, true, WLAN, false), "not the primary: the kernel would not take it back");
        assertFalse(FastFailover.backOnPrimary(ETH, true, 0, false), "no primary");
    }
}
