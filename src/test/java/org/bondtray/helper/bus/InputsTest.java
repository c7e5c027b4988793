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
}
