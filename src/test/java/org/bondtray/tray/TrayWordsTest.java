package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;

/** What the tray shows for a bond: icon, status lines, menu, notifications; in English and Japanese. */
class TrayWordsTest {
    private static final TrayTexts EN = new TrayTexts(new Texts(Locale.ENGLISH));
    private static final BondSnapshot.Port CABLE = new BondSnapshot.Port("eth0", "wired", true, 1000, "", 0, "active", "");
    private static final BondSnapshot.Port WIFI = new BondSnapshot.Port("wlan0", "wireless", true, 0, "HomeNet", -60,
            "backup", "");

    private static BondSnapshot bond(String state, String active, String network, BondSnapshot.Port... ports) {
        return new BondSnapshot(true, state, "", "wired", active, List.of("192.168.50.7/24", "fd00::7/64"), network,
                List.of(ports));
    }

    @Nested
    class Icon {
        @ParameterizedTest
        @CsvSource(textBlock = """
                -40, bondtray-wireless-excellent
                -60, bondtray-wireless-good
                -70, bondtray-wireless-ok
                -85, bondtray-wireless-weak
                """)
        void wifiShowsItsSignal(int dbm, String icon) {
            BondSnapshot.Port wifi = new BondSnapshot.Port("wlan0", "wireless", true, 0, "HomeNet", dbm, "active", "");
            assertEquals(icon, TrayIconName.of(bond("up", "wlan0", "same-network", CABLE, wifi)));
        }

        @Test
        void warningsOutrankTheLink() {
            assertEquals(TrayIconName.WIRED, TrayIconName.of(bond("up", "eth0", "same-network", CABLE, WIFI)));
            assertEquals(TrayIconName.DIFFERENT_NETWORK, TrayIconName.of(bond("up", "eth0", "different-network", CABLE, WIFI)));
            assertEquals(TrayIconName.DEGRADED, TrayIconName.of(bond("degraded", "eth0", "different-network", CABLE, WIFI)));
            assertEquals(TrayIconName.DOWN, TrayIconName.of(bond("down", "", "unknown", CABLE, WIFI)));
            BondSnapshot.Port unplugged = new BondSnapshot.Port("eth0", "wired", false, 0, "", 0, "down", "unplugged");
            BondSnapshot.Port carrying = new BondSnapshot.Port("wlan0", "wireless", true, 0, "HomeNet", -60, "active", "");
            assertEquals("bondtray-wireless-good", TrayIconName.of(bond("degraded", "wlan0", "same-network", unplugged,
                    carrying)), "on Wi-Fi with the cable out is no fault");
            assertEquals(TrayIconName.UNAVAILABLE, TrayIconName.of(BondSnapshot.unreachable("not running")));
        }
    }

    @Test
    void statusLinesSayActiveAddressAndStandby() {
        assertEquals(List.of("Traffic on cable, 1 Gb/s", "Address 192.168.50.7", "Standby: Wi-Fi HomeNet, ready"),
                EN.statusLines(bond("up", "eth0", "same-network", CABLE, WIFI)));
        BondSnapshot.Port blocked = new BondSnapshot.Port("wlan0", "wireless", false, 0, "", 0, "unavailable", "rfkill");
        assertEquals("Standby: Wi-Fi wlan0, radio blocked by rfkill", EN.statusLines(bond("degraded", "eth0", "unknown", CABLE, blocked)).get(2));
    }

    @Test
    void switchoverNoticeSaysWhereWhyAndWhetherConnectionsWereKept() {
        TrayTexts.Notice n = EN.switchover(bond("up", "wlan0", "same-network", CABLE, WIFI), "wlan0", "cable-unplugged", 38);
        assertEquals("Now on Wi-Fi (HomeNet)", n.summary());
        assertEquals("Cable unplugged, connections kept (38 ms)", n.body());
        TrayTexts.Notice back = EN.switchover(bond("up", "eth0", "same-network", CABLE, WIFI), "eth0", "cable-plugged", 0);
        assertEquals("Back on the cable (1 Gb/s)", back.summary());
        assertEquals("Cable unplugged; another network: connections were reset, a new address is coming",
                EN.switchover(bond("up", "wlan0", "different-network", CABLE, WIFI), "wlan0", "cable-unplugged", 40).body());
        assertEquals("future-reason (5 ms)", EN.switchover(bond("up", "eth0", "unknown", CABLE, WIFI), "eth0",
                "future-reason", 5).body(), "a reason this version does not know is shown as it is");
    }

    @Test
    void changesTheUserMustHearOf() {
        BondSnapshot before = bond("up", "eth0", "same-network", CABLE, WIFI);
        BondSnapshot.Port gone = new BondSnapshot.Port("wlan0", "wireless", false, 0, "", 0, "down", "not-associated");
        TrayTexts.Notice lost = EN.change(before, bond("degraded", "eth0", "same-network", CABLE, gone)).orElseThrow();
        assertEquals("Wi-Fi standby lost", lost.summary());
        assertEquals("Wi-Fi not connected", lost.body());
        assertEquals("Connections will drop if you unplug",
                EN.change(before, bond("up", "eth0", "different-network", CABLE, WIFI)).orElseThrow().body());
        assertTrue(EN.change(before, before).isEmpty());
    }

    @Test
    void menuHasStatusPreferencesSwitchAndQuit() {
        List<TrayMenuModel.Item> items = TrayMenuModel.items(bond("up", "eth0", "same-network", CABLE, WIFI), EN);
        assertEquals("Traffic on cable, 1 Gb/s", items.get(0).label());
        assertFalse(items.get(0).enabled(), "status lines are not clickable");
        TrayMenuModel.Item wired = items.stream().filter(i -> i.action() == TrayMenuModel.Action.PREFER_WIRED).findFirst().orElseThrow();
        assertTrue(wired.on() && wired.toggle().equals("radio"));
        TrayMenuModel.Item sw = items.stream().filter(i -> i.action() == TrayMenuModel.Action.SWITCH_NOW).findFirst().orElseThrow();
        assertEquals("_Switch to Wi-Fi HomeNet now", sw.label());
        assertTrue(sw.enabled());
        assertFalse(TrayMenuModel.items(BondSnapshot.unreachable("gone"), EN).stream()
                .filter(i -> i.action() == TrayMenuModel.Action.PREFER_WIRELESS).findFirst().orElseThrow().enabled(),
                "nothing to prefer without the helper");
    }

    @Test
    void japaneseIsCompleteAndUsed() throws Exception {
        org.bondtray.testing.Bundles.assertJapaneseComplete("/org/bondtray/tray/messages");
        TrayTexts jp = new TrayTexts(new Texts(Locale.JAPANESE));
        assertEquals("Wi-Fi に切り替わりました (HomeNet)",
                jp.switchover(bond("up", "wlan0", "same-network", CABLE, WIFI), "wlan0", "cable-unplugged", 38).summary());
    }
}
