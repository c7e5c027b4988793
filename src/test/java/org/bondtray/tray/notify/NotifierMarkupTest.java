package org.bondtray.tray.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotifierMarkupTest {
    /** A server that renders body markup shows a reason's words as words, never as a link or an image. */
    @Test
    void bodyMarkupIsEscaped() {
        assertEquals("&lt;a href='https://example.org'&gt;update&lt;/a&gt; &amp; &lt;img src='x'/&gt;",
                Notifier.markupEscaped("<a href='https://example.org'>update</a> & <img src='x'/>"));
    }

    /** The specification's own categories, as NetworkManager's applet uses them. */
    @Test
    void categoriesSayConnectedOrDisconnected() {
        assertEquals("network.disconnected", Notifier.category(org.bondtray.tray.TrayIconName.DOWN));
        assertEquals("network.disconnected", Notifier.category(org.bondtray.tray.TrayIconName.UNAVAILABLE));
        assertEquals("network.connected", Notifier.category(org.bondtray.tray.TrayIconName.WIRED));
        assertEquals("network.connected", Notifier.category(org.bondtray.tray.TrayIconName.DIFFERENT_NETWORK));
    }
}
