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
}
