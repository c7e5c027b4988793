package org.bondtray.helper.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses in the API read as people write them (RFC 5952 for IPv6). */
class AddressTextTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            fd00:50:0:0:0:0:0:119,   fd00:50::119
            fe80:0:0:0:48ed:78ff:febf:9dc6, fe80::48ed:78ff:febf:9dc6
            0:0:0:0:0:0:0:1,         ::1
            2001:db8:0:1:0:0:0:1,    2001:db8:0:1::1
            2001:db8:0:0:1:0:0:1,    2001:db8::1:0:0:1
            2001:db8:1:2:3:4:5:6,    2001:db8:1:2:3:4:5:6
            192.168.50.7,            192.168.50.7
            """)
    void formats(String address, String expected) throws Exception {
        assertEquals(expected, Rtnetlink.text(InetAddress.getByName(address).getAddress()));
    }
}
