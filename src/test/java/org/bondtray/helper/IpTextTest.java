package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.bondtray.testing.RecordingResolver;
import org.junit.jupiter.api.Test;

class IpTextTest {
    /**
     * Text from the bus is parsed as a literal or refused, never looked up: the helper runs as
     * root and asks polkit only after it has read the call.
     */
    @Test
    void textThatIsNoLiteralNeverReachesANameServer() {
        List<String> hostile = List.of(".:", "..:", "example.org", "1.2.3", "::1.2.3", "fe80::1%eth0", "a:b:c");
        for (String text : hostile) {
            assertThrows(IllegalArgumentException.class, () -> IpText.address(text), text);
        }
        assertEquals(List.of(), RecordingResolver.lookups().stream().filter(hostile::contains).toList(), "names looked up");
    }

    @Test
    void literalsAreTakenAndShownAsTheKernelShowsThem() {
        assertEquals("192.168.1.7/24", IpText.prefixed("192.168.1.7/24").toString());
        assertEquals("2001:db8::1/64", IpText.prefixed("2001:0db8:0:0:0:0:0:1/64").toString());
        assertEquals("10.8.0.0/16 via 192.168.1.1", IpText.route("10.8.0.0/16 via 192.168.1.1").toString());
    }

    @Test
    void aNetworkHoldsTheAddressesOfItsPrefixOnly() {
        IpText.Prefixed cafe = IpText.prefixed("fd00:60::/64");
        assertEquals(true, cafe.contains(IpText.address("fd00:60::16e")));
        assertEquals(false, cafe.contains(IpText.address("fd00:50::16e")));
        assertEquals(false, cafe.contains(IpText.address("fd00:60:0:1::16e")), "the 64th bit counts");
        assertEquals(false, cafe.contains(IpText.address("192.168.60.1")), "another family");
        IpText.Prefixed odd = IpText.prefixed("192.168.60.128/25");
        assertEquals(true, odd.contains(IpText.address("192.168.60.200")));
        assertEquals(false, odd.contains(IpText.address("192.168.60.127")));
    }
}
