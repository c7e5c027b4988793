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
        assertTrue(text.contains("\nallowinterfaces bond0\n"));
        assertFalse(text.contains("metric"));
        assertTrue(DhcpcdConfig.text("bond0", 250).endsWith("metric 250\n"));
    }
}
