package org.bondtray.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;

/** The one way Setup's options are built: each option in its wire type, the rest the helper's to judge. */
class SetupOptionsTest {
    @Test
    void eachOptionGoesInItsWireType() throws Exception {
        var v = new SetupOptions().put("Ports", "eth0").put("Ports", "wl*").put("MiiMon", " 100 ")
                .put("Addressing", "both").putAll("DNS", List.of("192.168.1.1", "fd00::1"))
                .put("ConfirmTimeout", "0").variants();
        assertEquals("as", v.get("Ports").getSig());
        assertEquals(List.of("eth0", "wl*"), List.of((String[]) v.get("Ports").getValue()));
        assertEquals(new UInt32(100), v.get("MiiMon").getValue());
        assertEquals("s", v.get("Addressing").getSig());
        assertEquals(List.of("192.168.1.1", "fd00::1"), List.of((String[]) v.get("DNS").getValue()));
        assertEquals(new UInt32(0), v.get("ConfirmTimeout").getValue());
        assertEquals(List.of("Ports", "MiiMon", "Addressing", "DNS", "ConfirmTimeout"), List.copyOf(v.keySet()));
    }

    @Test
    void onlyWhatCannotGoOnTheWireIsRefusedHere() throws Exception {
        for (String typed : List.of("fast", "-1", "4294967296", "1e3", "")) {
            SetupOptions.NotANumber e = assertThrows(SetupOptions.NotANumber.class,
                    () -> new SetupOptions().put("UpDelay", typed));
            assertEquals("UpDelay", e.option());
        }
        // Nonsense of the right type is sent: the helper says what is wrong with it.
        var plain = new SetupOptions().put("Addressing", "sometimes").put("Gateway", "not-an-address")
                .put("Colour", "blue").plain();
        assertEquals("sometimes", plain.get("Addressing"));
        assertEquals(List.of("not-an-address"), plain.get("Gateway"));
        assertEquals("blue", plain.get("Colour"));
    }
}
