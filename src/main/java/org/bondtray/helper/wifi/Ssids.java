package org.bondtray.helper.wifi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** SSIDs are bytes: UTF-8 when they are, escaped bytes when they are not. */
public final class Ssids {
    private Ssids() {
    }

    public static String display(byte[] ssid) {
        if (ssid == null) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(ssid)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder s = new StringBuilder();
            for (byte b : ssid) {
                int c = b & 0xff;
                s.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
            }
            return s.toString();
        }
    }
}
