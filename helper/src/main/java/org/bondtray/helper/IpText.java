package org.bondtray.helper;

import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * IP addresses and prefixes as text, parsed without ever asking a name server: only a dotted
 * quad or an IPv6 literal is taken.
 */
public final class IpText {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** An address with its prefix length, as in 192.168.1.7/24. */
    public record Prefixed(InetAddress address, int prefix) {
        /** As the kernel's addresses are shown (IPv6 compressed per RFC 5952), so the two compare. */
        @Override
        public String toString() {
            return org.bondtray.helper.kernel.Rtnetlink.text(address.getAddress()) + "/" + prefix;
        }

        /** Whether {@code a} is in this network: the same family, and the first {@link #prefix} bits the same. */
        public boolean contains(InetAddress a) {
            byte[] net = address.getAddress();
            byte[] other = a.getAddress();
            if (net.length != other.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((net[bit / 8] & mask) != (other[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A route to a network through a gateway, as in "10.8.0.0/16 via 192.168.1.1". */
    public record Route(Prefixed destination, InetAddress gateway) {
        @Override
        public String toString() {
            return destination + " via " + org.bondtray.helper.kernel.Rtnetlink.text(gateway.getAddress());
        }
    }

    private IpText() {
    }

    /** The address, or an IllegalArgumentException that says what is wrong. */
    public static InetAddress address(String text) {
        if (text == null || !(V4.matcher(text).matches() || text.contains(":") && V6.matcher(text).matches())) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address");
        }
        try {
            // A literal or nothing: getByName would ask a name server, as root, before polkit
            // has even been asked, for whatever text a caller sent.
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address");
        }
    }

    /**
     * The address as it is saved and shown: IPv4 dotted, IPv6 compressed per RFC 5952 (as the
     * kernel shows it), so "fd00:0::1" and "fd00::1" are one address everywhere.
     */
    public static String canonical(String text) {
        return org.bondtray.helper.kernel.Rtnetlink.text(address(text).getAddress());
    }

    /** Whether an address as the kernel or a configuration writes it is IPv4 (IPv6 has colons). */
    public static boolean isIpv4(String text) {
        return !text.isEmpty() && !text.contains(":");
    }

    /** The first IPv4 address of {@code addresses}, or "" if there is none. */
    public static String firstIpv4(java.util.List<String> addresses) {
        return addresses.stream().filter(IpText::isIpv4).findFirst().orElse("");
    }

    /** An IPv4 address with its prefix length, such as a fallback address; IPv6 is refused. */
    public static Prefixed ipv4Prefixed(String text) {
        Prefixed p = prefixed(text);
        if (p.address().getAddress().length != 4) {
            throw new IllegalArgumentException("must be an IPv4 address (IPv6 has link-local addresses already)");
        }
        return p;
    }

    public static Prefixed prefixed(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("needs a prefix length, as in 192.168.1.7/24");
        }
        InetAddress a = address(text.substring(0, slash));
        int max = a.getAddress().length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the prefix length is not a number");
        }
        if (prefix < 1 || prefix > max) {
            throw new IllegalArgumentException("the prefix length must be 1.." + max);
        }
        return new Prefixed(a, prefix);
    }

    /** "NETWORK/PREFIX via GATEWAY", both of one family, the network without host bits. */
    public static Route route(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        if (parts.length != 3 || !parts[1].equals("via")) {
            throw new IllegalArgumentException("must read NETWORK/PREFIX via GATEWAY, as in 10.8.0.0/16 via 192.168.1.1");
        }
        Prefixed destination = prefixed(parts[0]);
        InetAddress gateway = address(parts[2]);
        if (gateway.getAddress().length != destination.address().getAddress().length) {
            throw new IllegalArgumentException("the network and the gateway must both be IPv4 or both IPv6");
        }
        byte[] raw = destination.address().getAddress();
        for (int bit = destination.prefix(); bit < raw.length * 8; bit++) {
            if ((raw[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                throw new IllegalArgumentException("the network has bits set beyond its prefix length");
            }
        }
        return new Route(destination, gateway);
    }
}
