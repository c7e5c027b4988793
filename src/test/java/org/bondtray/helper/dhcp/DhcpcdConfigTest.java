package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What dhcpcd is told, so that nothing about the lease hangs on the bond's changing MAC. */
class DhcpcdConfigTest {

    @Test
    void theIaidComesFromTheBondsNameNotItsMac() {
        assertEquals(DhcpcdConfig.iaid("bond0"), DhcpcdConfig.iaid("bond0"));
        assertNotEquals(DhcpcdConfig.iaid("bond0"), DhcpcdConfig.iaid("bond1"));
        assertTrue(DhcpcdConfig.text("bond0", 0).contains("\ninterface bond0\niaid " + DhcpcdConfig.iaid("bond0") + "\n"));
    }

    @Test
    void duidPersistentAndNoHooksThatTouchTheResolver() {
        String text = DhcpcdConfig.text("bond0", 0);
        assertTrue(text.contains("\nduid\n"));
        assertTrue(text.contains("\npersistent\n"));
        assertTrue(text.contains("nohook resolv.conf"));
        assertTrue(text.contains("\nslaac private\n"));
        assertTrue(text.contains("\nnoarp\n"), "no 5 s probe before a new network's address is used");
        assertTrue(text.contains("\nnodelay\n"), "no random wait before the first DISCOVER");
        assertTrue(text.contains("\nallowinterfaces bond0\n"));
        assertFalse(text.contains("metric"));
        assertTrue(DhcpcdConfig.text("bond0", 250).endsWith("metric 250\n"));
    }

    @Test
    void aFallbackIsAProfileBeforeTheInterfaceBlock() {
        String text = DhcpcdConfig.text("bond0", 0, new DhcpcdConfig.Fallback("192.168.50.249/24", "192.168.50.1",
                java.util.List.of("192.168.50.1")));
        int profile = text.indexOf("\nprofile bondtray-fallback\nstatic ip_address=192.168.50.249/24\n"
                + "static routers=192.168.50.1\nstatic domain_name_servers=192.168.50.1\n");
        int iface = text.indexOf("\ninterface bond0\n");
        assertTrue(profile > 0 && iface > profile, text);
        assertTrue(text.substring(iface).contains("\nfallback bondtray-fallback\n"), text);
        assertFalse(DhcpcdConfig.text("bond0", 0).contains("fallback"));
    }

    /**
     * The standby's dhcpcd is the bond's client to the other network's server (same DUID, the
     * bond's IAID on the port), and holds its lease without touching the system.
     */
    @Test
    void theStandbyAsksAsTheBondAndConfiguresNothing() {
        String text = DhcpcdConfig.standbyText("bond0", "wlan0");
        assertTrue(text.contains("\nduid\n"), text);
        assertTrue(text.endsWith("\nallowinterfaces wlan0\ninterface wlan0\niaid " + DhcpcdConfig.iaid("bond0") + "\n"), text);
        for (String line : new String[] {"noconfigure", "script \"\"", "ipv4only", "noipv4ll", "persistent", "noarp", "nodelay"}) {
            assertTrue(text.contains("\n" + line + "\n"), line + " in " + text);
        }
        assertFalse(text.contains("bond0\n") && text.contains("interface bond0"), text);
    }
}
