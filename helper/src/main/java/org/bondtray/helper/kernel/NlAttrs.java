package org.bondtray.helper.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** The attributes of one netlink message (or of one nested attribute), by type. */
final class NlAttrs {
    private final Map<Integer, ByteBuffer> byType = new HashMap<>();

    /** Parses attributes in {@code buf} from {@code start} to {@code end}. */
    NlAttrs(ByteBuffer buf, int start, int end) {
        int pos = start;
        while (pos + 4 <= end) {
            int len = Short.toUnsignedInt(buf.getShort(pos));
            int type = Short.toUnsignedInt(buf.getShort(pos + 2)) & 0x3fff;
            if (len < 4 || pos + len > end) {
                break;
            }
            byType.put(type, buf.slice(pos + 4, len - 4).order(ByteOrder.nativeOrder()));
            pos += (len + 3) & ~3;
        }
    }

    boolean has(int type) {
        return byType.containsKey(type);
    }

    Integer u8(int type) {
        ByteBuffer b = byType.get(type);
        return b == null || b.remaining() < 1 ? null : Byte.toUnsignedInt(b.get(0));
    }

    Integer u32(int type) {
        ByteBuffer b = byType.get(type);
        return b == null || b.remaining() < 4 ? null : b.getInt(0);
    }

    String string(int type) {
        ByteBuffer b = byType.get(type);
        if (b == null) {
            return null;
        }
        int n = 0;
        while (n < b.remaining() && b.get(n) != 0) {
            n++;
        }
        byte[] s = new byte[n];
        b.get(0, s);
        return new String(s, StandardCharsets.UTF_8);
    }

    byte[] bytes(int type) {
        ByteBuffer b = byType.get(type);
        if (b == null) {
            return null;
        }
        byte[] out = new byte[b.remaining()];
        b.get(0, out);
        return out;
    }

    /** A MAC address as aa:bb:cc:dd:ee:ff, or null. */
    String mac(int type) {
        byte[] b = bytes(type);
        if (b == null || b.length == 0) {
            return null;
        }
        return HexFormat.ofDelimiter(":").formatHex(b);
    }

    NlAttrs nested(int type) {
        ByteBuffer b = byType.get(type);
        return b == null ? new NlAttrs(ByteBuffer.allocate(0), 0, 0) : new NlAttrs(b, 0, b.remaining());
    }
}
