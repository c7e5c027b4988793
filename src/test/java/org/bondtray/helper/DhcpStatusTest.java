package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bondtray.helper.dhcp.Lease;
import org.junit.jupiter.api.Test;

/** What the bus says of DHCP, from dhcpcd's state, its lease file and the bond's addresses. */
class DhcpStatusTest {
    private static final Lease LAN = new Lease("192.168.50.20", "192.168.50.1", 3600, 1_000, List.of("192.168.50.1"),
            List.of());
    private static final String FALLBACK = "192.168.50.250/24";

    @Test
    void aLeaseInPlaceIsShownWithItsServerAndTime() {
        DhcpStatus s = DhcpStatus.of("running", LAN, FALLBACK, List.of("192.168.50.20/24"));
        assertEquals(new DhcpStatus("running", "192.168.50.20", "192.168.50.1", 3600, 1_000_000), s);
        assertFalse(s.fallingBack());
    }

    @Test
    void beforeDhcpcdStartsItIsWaiting() {
        assertEquals("waiting", DhcpStatus.of("off", Lease.NONE, "", List.of()).state());
    }

    @Test
    void theFallbackAddressWithNoLeaseIsFallback() {
        DhcpStatus s = DhcpStatus.of("running", Lease.NONE, FALLBACK, List.of(FALLBACK));
        assertTrue(s.fallingBack());
        assertEquals("", s.address());
    }

    @Test
    void anOldLeaseFileDoesNotHideTheFallback() {
        // dhcpcd keeps the lease file after falling back; the bond holds only the fallback address.
        DhcpStatus s = DhcpStatus.of("running", LAN, FALLBACK, List.of(FALLBACK));
        assertTrue(s.fallingBack());
        assertEquals(new DhcpStatus("fallback", "", "", 0, 0), s);
    }

    @Test
    void aLeaseBackNextToTheFallbackAddressWins() {
        DhcpStatus s = DhcpStatus.of("running", LAN, FALLBACK, List.of(FALLBACK, "192.168.50.20/24"));
        assertFalse(s.fallingBack());
        assertEquals("192.168.50.20", s.address());
    }
}
