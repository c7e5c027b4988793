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

    /**
     * An SSID (or any byte string) as dbus-java hands it over: a byte array, or, inside a variant
     * or a dictionary, a list or array of numbers. Null for anything else.
     */
    public static byte[] fromBus(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        java.util.List<?> items = value instanceof java.util.List<?> l ? l
                : value instanceof Object[] a ? java.util.List.of(a) : null;
        if (items == null) {
            return null;
        }
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) items.get(i)).byteValue();
        }
        return out;
    }
}
