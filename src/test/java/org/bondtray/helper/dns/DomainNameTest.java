package org.bondtray.helper.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"lan", "bondtray.lab", "corp.example.com", "xn--bcher-kva.example", "a-1.b2", "LAN.Example."})
    void realDomainsPass(String name) {
        assertTrue(DomainName.of(name).isPresent(), name);
    }

    @Test
    void theyAreWrittenInLowerCaseWithoutTheFinalDot() {
        assertEquals(Optional.of("lan.example"), DomainName.of("LAN.Example."));
    }

    /** What a hostile DHCP server sends to write resolver directives. */
    @ParameterizedTest
    @ValueSource(strings = {"a.example\nnameserver 203.0.113.5", "a.example\noptions trust-ad", "a.example b.example",
            "a.example\r", "a\u0000b", "-a.example", "a-.example", "a..example", ".", "", "a_b.example",
            "ä.example", "a.example;reboot"})
    void anythingElseIsNoDomain(String text) {
        assertEquals(Optional.empty(), DomainName.of(text), text);
    }

    @Test
    void aLabelHoldsAtMost63AndANameAtMost253Characters() {
        assertTrue(DomainName.of("a".repeat(63) + ".example").isPresent());
        assertEquals(Optional.empty(), DomainName.of("a".repeat(64) + ".example"));
        String long253 = ("a".repeat(49) + ".").repeat(5) + "abc";
        assertEquals(253, long253.length());
        assertTrue(DomainName.of(long253).isPresent());
        assertEquals(Optional.empty(), DomainName.of("a" + long253));
    }
}
