package org.bondtray.helper.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.bondtray.Error.InvalidArgs;
import org.bondtray.helper.Addressing;
import org.bondtray.helper.config.BondConfig;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the bus may hand the helper, and what it refuses before anything is touched. */
class InputsTest {
    private static final BondConfig BASE = BondConfig.defaults("bond0");

    private static Variant<?> strings(String... values) {
        return new Variant<>(values, "as");
    }

    @Test
    void staticAddressingIsTakenWhole() {
        BondConfig c = Inputs.setup(Map.of("Addressing", new Variant<>("both"),
                "Addresses", strings("192.168.50.250/24", "fd00:50::250/64"),
                "Gateway", strings("192.168.50.1", "fd00:50::1"), "DNS", strings("192.168.50.1")), BASE);
        assertEquals(Addressing.BOTH, c.addressing());
        assertEquals(List.of("192.168.50.250/24", "fd00:50::250/64"), c.addresses());
        assertEquals(List.of("192.168.50.1", "fd00:50::1"), c.gateways());
    }

    @Test
    void addressesAreSavedTheOneWayTheKernelWritesThem() {
        BondConfig c = Inputs.setup(Map.of("Addressing", new Variant<>("both"),
                "Addresses", strings("FD00:50:0:0::250/64"), "Gateway", strings("fd00:0050::0001"),
                "DNS", strings("FD00:50::53", "::ffff:192.168.50.1"),
                "Routes", strings("fd00:99:0::/48 via FD00:50::1")), BASE);
        assertEquals(List.of("fd00:50::250/64"), c.addresses());
        assertEquals(List.of("fd00:50::1"), c.gateways());
        assertEquals(List.of("fd00:50::53", "192.168.50.1"), c.dns());
        assertEquals(List.of("fd00:99::/48 via fd00:50::1"), c.routes());
    }

    /** Names, and what only looks like an address: each would be a name server's question as root. */
    @ParameterizedTest
    @ValueSource(strings = {"face.cafe", "dead.beef", "localhost", "1.2.3", "0x7f.1", "cafe:bad.example", "[::1]"})
    void namesAreNeverLookedUpButRefused(String name) {
        for (String key : List.of("DNS", "Gateway")) {
            InvalidArgs e = assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of(key, strings(name)), BASE));
            assertEquals(key + "[0]: not an IPv4 or IPv6 address", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.50.250", "192.168.50.250/33", "192.168.50/24", "host.example.org/24",
            "fd00::1/129", "1.2.3.4/0", "$(reboot)/24", ""})
    void badAddressesAreRefusedWithoutEchoingThem(String address) {
        InvalidArgs e = assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Addressing", new Variant<>("static"),
                "Addresses", strings(address)), BASE));
        assertTrue(e.getMessage().startsWith("Addresses[0]: "), e.getMessage());
        assertFalse(!address.isEmpty() && e.getMessage().contains(address), e.getMessage());
    }

    @Test
    void oneInterfaceNamedTwiceIsRefused() {
        InvalidArgs e = assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Ports", strings("eth0", "eth0")), BASE));
        assertEquals("Ports[1] names eth0 a second time", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lo", "bond0"})
    void theLoopbackAndTheBondItselfAreNoPorts(String name) {
        InvalidArgs e = assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Ports", strings("eth0", name)), BASE));
        assertEquals("Ports[1] names " + name + ", which cannot be a port of bond0", e.getMessage());
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Primary", new Variant<>(name)), BASE));
    }

    @Test
    void staticWithoutAnAddressIsRefused() {
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Addressing", new Variant<>("static")), BASE));
    }

    @Test
    void twoGatewaysOfOneFamilyAreRefused() {
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Gateway", strings("10.0.0.1", "10.0.0.2")), BASE));
    }

    @Test
    void timersAndTypesAreChecked() {
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("MiiMon", new Variant<>(new UInt32(5))), BASE));
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Ports", new Variant<>("eth0")), BASE));
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Ports", new Variant<>(new Integer[] {1}, "ai")), BASE));
        assertEquals(250, Inputs.setup(Map.of("UpDelay", new Variant<>(new UInt32(250))), BASE).updelay());
    }

    @Test
    void routesMetricAndFallbackAreTaken() {
        BondConfig c = Inputs.setup(Map.of("Routes", strings("10.8.0.0/16 via 192.168.50.1", "fd00:8::/48  via  fd00:50::1"),
                "RouteMetric", new Variant<>(new UInt32(600)), "FallbackAddress", new Variant<>("192.168.50.249/24")), BASE);
        assertEquals(List.of("10.8.0.0/16 via 192.168.50.1", "fd00:8::/48 via fd00:50::1"), c.routes());
        assertEquals(600, c.routeMetric());
        assertEquals(600, c.staticMetric());
        assertEquals("192.168.50.249/24", c.fallback());
        assertEquals(100, BASE.staticMetric(), "no metric given: static routes keep 100");
        assertEquals("", Inputs.setup(Map.of("FallbackAddress", new Variant<>("")), c).fallback(), "empty removes it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.77.0.0/16", "10.8.0.1/16 via 192.168.50.1", "10.8.0.0/16 via fd00::1",
            "10.8.0.0/16 through 192.168.50.1", "10.8.0.0/16 via gw.example.org", "$(reboot) via 1.2.3.4", ""})
    void badRoutesAreRefusedWithoutEchoingThem(String route) {
        InvalidArgs e = assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Routes", strings(route)), BASE));
        assertTrue(e.getMessage().startsWith("Routes[0]: "), e.getMessage());
        assertFalse(!route.isEmpty() && e.getMessage().contains(route), e.getMessage());
    }

    @Test
    void badMetricsAndFallbacksAreRefused() {
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("RouteMetric", new Variant<>(new UInt32(70000))), BASE));
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("RouteMetric", new Variant<>("600")), BASE));
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("FallbackAddress", new Variant<>("fd00::9/64")), BASE));
        assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("FallbackAddress", new Variant<>("192.168.50.249")), BASE));
        InvalidArgs e = assertThrows(InvalidArgs.class, () -> Inputs.setup(Map.of("Addressing", new Variant<>("static"),
                "Addresses", strings("192.168.50.250/24"), "FallbackAddress", new Variant<>("192.168.50.249/24")), BASE));
        assertTrue(e.getMessage().contains("static"), e.getMessage());
    }

    @Test
    void theConfirmTimeoutIsCheckedAndNotSaved() {
        assertEquals(20, Inputs.confirmTimeout(Map.of()));
        assertEquals(0, Inputs.confirmTimeout(Map.of("ConfirmTimeout", new Variant<>(new UInt32(0)))));
        assertEquals(60, Inputs.confirmTimeout(Map.of("ConfirmTimeout", new Variant<>(new UInt32(60)))));
        assertThrows(InvalidArgs.class, () -> Inputs.confirmTimeout(Map.of("ConfirmTimeout", new Variant<>(new UInt32(2)))));
        assertThrows(InvalidArgs.class, () -> Inputs.confirmTimeout(Map.of("ConfirmTimeout", new Variant<>(new UInt32(601)))));
        assertThrows(InvalidArgs.class, () -> Inputs.confirmTimeout(Map.of("ConfirmTimeout", new Variant<>("20"))));
        assertEquals(BASE, Inputs.setup(Map.of("ConfirmTimeout", new Variant<>(new UInt32(60))), BASE),
                "a setting of the call, not of the bond");
    }
}
