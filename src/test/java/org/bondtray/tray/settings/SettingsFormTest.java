package org.bondtray.tray.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFormTest {
    private static SettingsForm form(List<String> ports, String addressing, String addresses, String fallback,
                                     String miimon) {
        return new SettingsForm(ports, "wired", addressing, addresses, "192.168.1.1", "192.168.1.1, 9.9.9.9", fallback,
                miimon, "", "", "20");
    }

    @Test
    void dhcpWithDefaultsLeavesEmptyFieldsToTheHelper() throws Exception {
        Map<String, Object> o = form(List.of(), "dhcp", "", "", "").options().plain();
        assertFalse(o.containsKey("Ports"), "no port ticked: the helper's default pair");
        assertFalse(o.containsKey("Addresses"));
        assertFalse(o.containsKey("MiiMon"));
        assertEquals("dhcp", o.get("Addressing"));
        assertEquals(List.of("192.168.1.1", "9.9.9.9"), o.get("DNS"));
        assertEquals(20L, o.get("ConfirmTimeout"));
    }

    @Test
    void staticNeedsAnAddressAndTakesNoFallback() {
        SettingsForm.Invalid none = assertThrows(SettingsForm.Invalid.class,
                () -> form(List.of("eth0"), "static", " ", "", "").options());
        assertEquals("addresses", none.field());
        SettingsForm.Invalid fallback = assertThrows(SettingsForm.Invalid.class,
                () -> form(List.of("eth0"), "static", "10.0.0.2/24", "10.0.0.3/24", "").options());
        assertEquals("fallback", fallback.field());
    }

    @Test
    void numbersMustBeWholeAndFitTheHelpersType() throws Exception {
        SettingsForm.Invalid fast = assertThrows(SettingsForm.Invalid.class,
                () -> form(List.of(), "dhcp", "", "", "fast").options());
        assertEquals("miimon", fast.field());
        assertEquals("\"fast\" is not a whole number of milliseconds", fast.in(new org.bondtray.i18n.Texts(java.util.Locale.ENGLISH)));
        assertEquals("\"fast\" はミリ秒の整数ではありません", fast.in(new org.bondtray.i18n.Texts(java.util.Locale.JAPANESE)));
        assertThrows(SettingsForm.Invalid.class, () -> form(List.of(), "dhcp", "", "", "-1").options());
        assertThrows(SettingsForm.Invalid.class, () -> form(List.of(), "dhcp", "", "", "4294967296").options());
        Map<String, Object> o = form(List.of("eth0", "wlan0"), "both", "10.0.0.2/24 10.0.0.3/24", "", "100").options().plain();
        assertEquals(100L, o.get("MiiMon"));
        assertEquals(List.of("eth0", "wlan0"), o.get("Ports"));
        assertEquals(List.of("10.0.0.2/24", "10.0.0.3/24"), o.get("Addresses"));
    }

    @Test
    void theHelperGetsItsOwnTypes() throws Exception {
        var v = form(List.of("eth0"), "dhcp", "", "", "100").options().variants();
        assertEquals(new UInt32(100), v.get("MiiMon").getValue());
        assertEquals("as", v.get("Ports").getSig());
        assertEquals("s", v.get("Addressing").getSig());
    }

    @TempDir
    Path sys;

    private void link(String name, int type, String... extra) throws Exception {
        Path l = Files.createDirectories(sys.resolve("class/net").resolve(name));
        Files.writeString(l.resolve("type"), type + "\n");
        for (String e : extra) {
            Files.createDirectories(l.resolve(e));
        }
    }

    @Test
    void interfacesAreEthernetLinksThatAreNotBondsOrBridgesAdaptersFirst() throws Exception {
        link("lo", 772);
        link("bond0", 1, "bonding");
        link("br0", 1, "bridge");
        link("veth0", 1);
        link("wlan0", 1, "device", "phy80211");
        link("enp0s31f6", 1, "device");
        link("wg0", 65534);
        Files.writeString(sys.resolve("class/net/bonding_masters"), "bond0\n");
        List<Interfaces.Candidate> found = Interfaces.detect(new org.bondtray.net.NetSysfs(sys));
        assertEquals(List.of("enp0s31f6", "wlan0", "veth0"), found.stream().map(Interfaces.Candidate::name).toList());
        assertTrue(found.get(1).wireless() && found.get(1).adapter());
        assertFalse(found.get(2).adapter());
    }
}
