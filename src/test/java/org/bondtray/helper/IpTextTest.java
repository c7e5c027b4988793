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
}
