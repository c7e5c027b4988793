package org.bondtray.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bondtray.wifi.SsidText;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlAndFormatCharactersAreShownAsEscapes() {
        assertEquals("red\\x1b[31m", Printable.of("red\u001b[31m"));
        assertEquals("one\\x0aforged line", Printable.of("one\nforged line"));
        assertEquals("abc\\u202egnp.exe", Printable.of("abc\u202egnp.exe"));
        assertEquals("Café ☕ 東京", Printable.of("Café ☕ 東京"), "the rest stays as it was");
    }

    /** One way for every SSID: an access point's name cannot forge a log line or turn itself around. */
    @Test
    void ssidsWithControlOrFormatCharactersAreEscapedBytes() {
        assertEquals("Home\\x0aWARNING forged", SsidText.show("Home\nWARNING forged".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("cafe\\xe2\\x80\\xae", SsidText.show("cafe\u202e".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("Café", SsidText.show("Café".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("", SsidText.show(null));
    }
}
