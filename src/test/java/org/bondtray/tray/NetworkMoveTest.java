package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;
import org.junit.jupiter.api.Test;

/** The walk to another network as the tray tells it: one notice, then the same one with the new address. */
class NetworkMoveTest {
    private static final TrayTexts EN = new TrayTexts(new Texts(Locale.ENGLISH));
    private static final BondSnapshot.Port CABLE = new BondSnapshot.Port("eth0", "wired", true, 1000, "", 0, "active", "");
    private static final BondSnapshot.Port CAFE = new BondSnapshot.Port("wlan0", "wireless", true, 0, "cafe", -60,
            "backup", "");

    private static BondSnapshot bond(String active, String network, String address) {
        return new BondSnapshot(true, "up", "", "wired", active, address.isEmpty() ? List.of() : List.of(address + "/24"),
                network, List.of(CABLE, CAFE));
    }

    @Test
    void aPulledCableOnAnotherNetworkSaysResetThenTheNewAddress() {
        NetworkMove move = new NetworkMove();
        move.seen(EN, bond("eth0", "different-network", "192.168.50.7"));
        // The cable is out: only one port is left to ask, and the verdict reads unknown.
        BondSnapshot cut = bond("eth0", "unknown", "192.168.50.7");
        assertTrue(move.seen(EN, cut).isEmpty());
        TrayTexts.Notice first = move.switched(EN, cut, "wlan0", "cable-unplugged", 40);
        assertEquals("Now on Wi-Fi (cafe)", first.summary());
        assertEquals("Cable unplugged; another network: connections were reset, a new address is coming", first.body());
        assertTrue(move.seen(EN, bond("wlan0", "unknown", "192.168.50.7")).isEmpty(), "the old address is no news");
        assertTrue(move.seen(EN, bond("wlan0", "unknown", "")).isEmpty(), "nor is none");
        assertTrue(move.seen(EN, new BondSnapshot(true, "up", "", "wired", "wlan0", List.of("fd00:50::1b9/128"), "unknown",
                List.of(CABLE, CAFE))).isEmpty(), "nor the old network's IPv6 address that is left for a while");
        TrayTexts.Notice then = move.seen(EN, bond("wlan0", "unknown", "192.168.60.162")).orElseThrow();
        assertEquals("Now on Wi-Fi (cafe)", then.summary());
        assertEquals("Cable unplugged; another network: connections were reset, new address 192.168.60.162", then.body());
        assertTrue(move.seen(EN, bond("wlan0", "unknown", "192.168.60.163")).isEmpty(), "said once");
    }

    @Test
    void onOneNetworkTheSwitchoverKeepsConnectionsAndNothingFollows() {
        NetworkMove move = new NetworkMove();
        move.seen(EN, bond("eth0", "same-network", "192.168.50.7"));
        TrayTexts.Notice n = move.switched(EN, bond("eth0", "unknown", "192.168.50.7"), "wlan0", "cable-unplugged", 38);
        assertEquals("Cable unplugged, connections kept (38 ms)", n.body());
        assertTrue(move.seen(EN, bond("wlan0", "unknown", "192.168.50.8")).isEmpty());
    }

    @Test
    void withNoVerdictEverTheNoticeClaimsNothing() {
        NetworkMove move = new NetworkMove();
        assertEquals("Cable unplugged (38 ms)",
                move.switched(EN, bond("eth0", "unknown", "192.168.50.7"), "wlan0", "cable-unplugged", 38).body());
    }

    @Test
    void withStaticAddressingTheAddressStays() {
        NetworkMove move = new NetworkMove();
        BondSnapshot statik = new BondSnapshot(true, "up", "", "wired", "eth0", List.of("192.168.50.250/24"),
                "different-network", List.of(CABLE, CAFE), List.of(), List.of(), 0, "off", "bond0", 0, List.of());
        move.seen(EN, statik);
        assertEquals("Cable unplugged; another network: connections were reset, the static address stays",
                move.switched(EN, statik, "wlan0", "cable-unplugged", 40).body());
        assertTrue(move.seen(EN, bond("wlan0", "unknown", "169.254.1.1")).isEmpty(), "no address is awaited");
    }
}
