package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.bondtray.api.BondState;
import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Link;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helper's decisions, from facts alone: which port is primary, the state, each port's role. */
class BondPolicyTest {
    private static final int BOND = 9;

    private static Link bond(int activeIndex) {
        return new Link(BOND, "bond0", Link.ARPHRD_ETHER, 1, true, "up", "02:00:00:00:00:09", null, 0, "bond",
                new Link.BondInfo(1, activeIndex, 0, 100, 0, 0, 1, 1, false), null);
    }

    private static PortFacts wired(int index, boolean carrier) {
        Link l = new Link(index, "eth0", Link.ARPHRD_ETHER, 1, carrier, carrier ? "up" : "down", "aa:00:00:00:00:01",
                "aa:00:00:00:00:01", BOND, "veth", null, new Link.PortInfo(false, carrier, 0, "aa:00:00:00:00:01"));
        return new PortFacts(l, PortKind.WIRED, true, 1000, "", WifiInfo.NONE);
    }

    private static PortFacts wifi(int index, boolean carrier, String state, String rfkill) {
        Link l = new Link(index, "wlan0", Link.ARPHRD_ETHER, 1, carrier, carrier ? "up" : "down", "bb:00:00:00:00:02",
                "bb:00:00:00:00:02", BOND, null, null, new Link.PortInfo(false, carrier, 2, "bb:00:00:00:00:02"));
        return new PortFacts(l, PortKind.WIRELESS, true, 0, rfkill, new WifiInfo(state, "HomeNet", -40, 300));
    }

    private static BondConfig prefer(Preference p) {
        return BondConfig.defaults("bond0").withPreference(p);
    }

    @Nested
    class Primary {
        @Test
        void wiredPreferenceKeepsTheCableEvenWithoutCarrier() {
            Optional<PortFacts> p = BondPolicy.primary(prefer(Preference.WIRED),
                    List.of(wired(2, false), wifi(3, true, "completed", "")));
            assertEquals("eth0", p.orElseThrow().name());
        }

        @Test
        void wifiIsPrimaryOnlyOnceItsKeysAreInPlace() {
            assertEquals("eth0", BondPolicy.primary(prefer(Preference.WIRELESS),
                    List.of(wired(2, true), wifi(3, true, "4way_handshake", ""))).orElseThrow().name());
            assertEquals("wlan0", BondPolicy.primary(prefer(Preference.WIRELESS),
                    List.of(wired(2, true), wifi(3, true, "completed", ""))).orElseThrow().name());
        }

        @Test
        void automaticPicksTheFasterUsableLink() {
            // Wi-Fi's best rate 300 Mb/s against a 1000 Mb/s cable, then without the cable.
            assertEquals("eth0", BondPolicy.primary(prefer(Preference.AUTOMATIC),
                    List.of(wired(2, true), wifi(3, true, "completed", ""))).orElseThrow().name());
            assertEquals("wlan0", BondPolicy.primary(prefer(Preference.AUTOMATIC),
                    List.of(wired(2, false), wifi(3, true, "completed", ""))).orElseThrow().name());
        }
    }

    @Nested
    class State {
        @ParameterizedTest
        @CsvSource(textBlock = """
                # cable, wifi carrier, wpa state, rfkill, expected state, reason contains
                true,  true,  completed,      '',   UP,       ''
                false, true,  completed,      '',   DEGRADED, 'eth0: cable unplugged'
                true,  true,  4way_handshake, '',   DEGRADED, 'wlan0: Wi-Fi not connected'
                true,  false, disconnected,   soft, DEGRADED, 'wlan0: radio blocked by rfkill (soft block)'
                false, false, disconnected,   hard, DOWN,     'radio blocked by rfkill (hardware switch)'
                false, false, disconnected,   '',   DOWN,     'eth0: cable unplugged; wlan0: Wi-Fi not connected'
                """)
        void followsWhatEachPortCanCarry(boolean cable, boolean wifiCarrier, String wpa, String rfkill,
                                         BondState expected, String reason) {
            PortFacts eth = wired(2, cable);
            PortFacts wl = wifi(3, wifiCarrier, wpa, rfkill);
            BondView v = BondPolicy.view("bond0", Preference.WIRED, bond(cable ? 2 : wifiCarrier ? 3 : 0),
                    List.of(eth, wl), List.of(), List.of(), List.of(), List.of());
            assertEquals(expected, v.state());
            assertTrue(v.reason().contains(reason), v.reason());
        }

        @Test
        void anAdapterThatIsNotThereIsCalledUnplugged() {
            BondView v = BondPolicy.view("bond0", Preference.WIRED, bond(2), List.of(wired(2, true)),
                    List.of("aa:bb:cc:dd:ee:ff"), List.of(), List.of(), List.of());
            assertEquals(BondState.DEGRADED, v.state());
            assertEquals("unplugged", v.ports().get(1).roleReason());
        }
    }

    @Nested
    class Roles {
        @Test
        void theActivePortIsActiveAndTheOtherBackup() {
            BondView v = BondPolicy.view("bond0", Preference.WIRED, bond(2),
                    List.of(wired(2, true), wifi(3, true, "completed", "")), List.of(), List.of(), List.of(), List.of());
            assertEquals("active", v.ports().get(0).role());
            assertEquals("backup", v.ports().get(1).role());
            assertEquals("eth0", v.activePort());
            assertEquals(2, v.ports().get(1).linkFailures());
            assertEquals("HomeNet", v.ports().get(1).ssid());
        }
    }
}
