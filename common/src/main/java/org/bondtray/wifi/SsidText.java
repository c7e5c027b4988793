package org.bondtray.wifi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An SSID is up to 32 bytes, not text. Shown as UTF-8 when it is valid UTF-8 without control
 * or format characters; otherwise every byte that is not printable ASCII becomes {@code \xNN}, so
 * two different networks never look the same and nothing can move the cursor of a terminal, forge
 * a log line or turn a name around. The one way every SSID is shown: screen, log and journal.
 */
public final class SsidText {
    private SsidText() {
    }

    public static String show(byte[] ssid) {
        if (ssid == null) {
            return "";
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(ssid)).toString();
            if (s.codePoints().allMatch(org.bondtray.api.Printable::safe) && !s.contains("\\")) {
                return s;
            }
        } catch (CharacterCodingException e) {
            // not UTF-8: escaped below
        }
        StringBuilder b = new StringBuilder();
        for (byte x : ssid) {
            int c = x & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.toString();
    }

    /** What the user typed, as the bytes to look for: "\xNN" escapes are taken back to bytes. */
    public static byte[] parse(String typed) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < typed.length(); ) {
            if (typed.startsWith("\\x", i) && i + 4 <= typed.length()
                    && typed.substring(i + 2, i + 4).matches("[0-9a-fA-F]{2}")) {
                out.write(Integer.parseInt(typed.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                int cp = typed.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }
}
