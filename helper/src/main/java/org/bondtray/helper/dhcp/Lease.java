package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.api.Printable;
import org.bondtray.helper.dns.DomainName;
import org.bondtray.helper.kernel.Rtnetlink;

/**
 * What the DHCP servers gave the bond, read from the lease files dhcpcd keeps: each is the
 * server's last reply as it came off the wire (a BOOTP message for DHCPv4, a DHCPv6 message).
 *
 * @param address    the IPv4 address leased, "" if none
 * @param server     the DHCPv4 server identifier (option 54), "" if none
 * @param seconds    the IPv4 lease time, 0 if none
 * @param obtainedMs when dhcpcd wrote the IPv4 lease (epoch ms), 0 if none
 * @param dns        name servers, IPv4 ones first
 * @param domains    the domain name and search list: valid domain names only
 */
public record Lease(String address, String server, long seconds, long obtainedMs, List<String> dns,
                    List<String> domains) {
    public static final Lease NONE = new Lease("", "", 0, 0, List.of(), List.of());

    private static final Logger LOG = Logger.getLogger(Lease.class.getName());
    private static final int BOOTP_FIXED = 236;
    private static final int COOKIE = 0x63825363;

    public Lease {
        dns = List.copyOf(dns);
        domains = List.copyOf(domains);
    }

    public boolean bound() {
        return !address.isEmpty();
    }

    /** The lease of {@code bond} in dhcpcd's state folder {@code dir}; {@link #NONE} if there is none. */
    public static Lease read(Path dir, String bond) {
        Lease v4 = file(dir.resolve(bond + ".lease")).flatMap(b -> parse4(b.bytes, b.mtime)).orElse(NONE);
        List<String> dns6 = file(dir.resolve(bond + ".lease6")).map(b -> dns6(b.bytes)).orElse(List.of());
        if (dns6.isEmpty()) {
            return v4;
        }
        List<String> dns = new ArrayList<>(v4.dns);
        dns6.stream().filter(d -> !dns.contains(d)).forEach(dns::add);
        return new Lease(v4.address, v4.server, v4.seconds, v4.obtainedMs, dns, v4.domains);
    }

    private record Bytes(byte[] bytes, long mtime) {
    }

    private static Optional<Bytes> file(Path p) {
        try {
            return Optional.of(new Bytes(Files.readAllBytes(p), Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException e) {
            // No lease yet (no such file) reads the same as one that cannot be read.
            return Optional.empty();
        }
    }

    /** A DHCPv4 reply: the fixed BOOTP header, the magic cookie, then options. */
    static Optional<Lease> parse4(byte[] msg, long obtainedMs) {
        if (msg.length < BOOTP_FIXED + 4 || ByteBuffer.wrap(msg, BOOTP_FIXED, 4).getInt() != COOKIE) {
            return Optional.empty();
        }
        String yiaddr = ipv4(msg, 16);
        String server = "";
        long seconds = 0;
        List<String> dns = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        int i = BOOTP_FIXED + 4;
        while (i < msg.length) {
            int code = msg[i] & 0xff;
            if (code == 0) {
                i++;
                continue;
            }
            if (code == 255 || i + 1 >= msg.length) {
                break;
            }
            int len = msg[i + 1] & 0xff;
            int at = i + 2;
            if (at + len > msg.length) {
                break;
            }
            switch (code) {
                case 6 -> {
                    for (int k = 0; k + 4 <= len; k += 4) {
                        dns.add(ipv4(msg, at + k));
                    }
                }
                case 15 -> domains.addAll(domains(msg, at, len));
                case 51 -> seconds = len == 4 ? ByteBuffer.wrap(msg, at, 4).getInt() & 0xffffffffL : 0;
                case 54 -> server = len == 4 ? ipv4(msg, at) : "";
                default -> {
                }
            }
            i = at + len;
        }
        return Optional.of(new Lease("0.0.0.0".equals(yiaddr) ? "" : yiaddr, server, seconds, obtainedMs, dns,
                domains));
    }

    /**
     * Option 15's domain names (some servers send several, separated by spaces). The server's
     * bytes reach resolv.conf: unless every word is a valid domain name the whole option is
     * dropped, and said, so no part of a forged one gets through.
     */
    private static List<String> domains(byte[] msg, int at, int len) {
        List<String> out = new ArrayList<>();
        String text = new String(msg, at, len, StandardCharsets.ISO_8859_1);
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<String> name = DomainName.of(word);
            if (name.isEmpty()) {
                LOG.warning("dropped the DHCP server's domain name option, which holds what is not a domain name: \""
                        + Printable.of(text) + "\"");
                return List.of();
            }
            out.add(name.get());
        }
        return out;
    }

    /** Name servers (option 23) of a DHCPv6 reply: type, transaction id, then options. */
    static List<String> dns6(byte[] msg) {
        List<String> out = new ArrayList<>();
        int i = 4;
        while (i + 4 <= msg.length) {
            int code = ((msg[i] & 0xff) << 8) | (msg[i + 1] & 0xff);
            int len = ((msg[i + 2] & 0xff) << 8) | (msg[i + 3] & 0xff);
            int at = i + 4;
            if (at + len > msg.length) {
                break;
            }
            if (code == 23) {
                for (int k = 0; k + 16 <= len; k += 16) {
                    byte[] a = new byte[16];
                    System.arraycopy(msg, at + k, a, 0, 16);
                    out.add(Rtnetlink.text(a));
                }
            }
            i = at + len;
        }
        return out;
    }

    private static String ipv4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]}).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
