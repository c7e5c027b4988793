package org.bondtray.helper.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one netlink request: the 16-byte header, a fixed family header (ifinfomsg, ifaddrmsg),
 * then attributes, nested ones included. Numbers are in host byte order, as netlink wants.
 */
final class NlMessage {
    static final int HEADER = 16;

    private final ByteBuffer buf = ByteBuffer.allocate(8192).order(ByteOrder.nativeOrder());
    private final Deque<Integer> nests = new ArrayDeque<>();

    NlMessage(int type, int flags) {
        buf.putInt(0).putShort((short) type).putShort((short) flags).putInt(0).putInt(0);
    }

    /** struct ifinfomsg: family, type, index, flags, change. */
    NlMessage ifinfo(int index, int flags, int change) {
        buf.put((byte) 0).put((byte) 0).putShort((short) 0).putInt(index).putInt(flags).putInt(change);
        return this;
    }

    /** struct ifaddrmsg: family, prefix length, flags, scope, index. */
    NlMessage ifaddr(int family, int index) {
        buf.put((byte) family).put((byte) 0).put((byte) 0).put((byte) 0).putInt(index);
        return this;
    }

    /** struct rtmsg for a route dump of one family. */
    NlMessage rtmsg(int family) {
        return rtmsg(family, 0, 0, 0, 0, 0);
    }

    /** struct rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
    NlMessage rtmsg(int family, int dstLen, int table, int protocol, int scope, int type) {
        buf.put((byte) family).put((byte) dstLen).put((byte) 0).put((byte) 0)
                .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(0);
        return this;
    }

    /** struct ifaddrmsg with a prefix length, for adding an address. */
    NlMessage ifaddr(int family, int prefix, int index) {
        buf.put((byte) family).put((byte) prefix).put((byte) 0).put((byte) 0).putInt(index);
        return this;
    }

    NlMessage u8(int type, int value) {
        return attr(type, new byte[] {(byte) value});
    }

    NlMessage u32(int type, int value) {
        return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    NlMessage string(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[s.length + 1];
        System.arraycopy(s, 0, z, 0, s.length);
        return attr(type, z);
    }

    NlMessage attr(int type, byte[] value) {
        buf.putShort((short) (4 + value.length)).putShort((short) type).put(value);
        align();
        return this;
    }

    NlMessage begin(int type) {
        nests.push(buf.position());
        buf.putShort((short) 0).putShort((short) type);
        return this;
    }

    NlMessage end() {
        int start = nests.pop();
        buf.putShort(start, (short) (buf.position() - start));
        return this;
    }

    private void align() {
        while (buf.position() % 4 != 0) {
            buf.put((byte) 0);
        }
    }

    /** The finished message with its sequence number and flags; lengths are filled in here. */
    byte[] bytes(int seq, int flags) {
        if (!nests.isEmpty()) {
            throw new IllegalStateException("unclosed nested attribute");
        }
        buf.putInt(0, buf.position());
        buf.putShort(6, (short) (buf.getShort(6) | flags));
        buf.putInt(8, seq);
        byte[] out = new byte[buf.position()];
        buf.get(0, out);
        return out;
    }
}
