package org.bondtray.helper.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The dhcpcd configuration the helper writes for one bond. Every line is there for the bond's
 * sake: its MAC changes with every switchover (fail_over_mac=active), so nothing may hang on it.
 */
public final class DhcpcdConfig {
    private DhcpcdConfig() {
    }

    /**
     * The identity association id for {@code bond}. dhcpcd would take the last four bytes of the
     * MAC, which changes with the active port; a number made from the bond's name stays.
     */
    public static long iaid(String bond) {
        CRC32 crc = new CRC32();
        crc.update(("bondtray:" + bond).getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /**
     * Appended to the bond's file for a dhcpcd started because traffic moved to another network:
     * no asking for the old network's address first (INIT-REBOOT), which that network's server
     * only refuses; straight to DISCOVER. dhcpcd keeps the lease, and a server that knows the
     * laptop offers its address again. It goes with the next start that is not for another network.
     */
    public static final String DISCOVER_FIRST = """
            # Traffic moved to another network: straight to DISCOVER, without asking for the old address.
            reboot 0
            """;

    /** The name of the profile dhcpcd falls back to when no DHCP server answers. */
    static final String FALLBACK_PROFILE = "bondtray-fallback";

    /**
     * The address dhcpcd takes when no server answers within its reboot time (the wiki's
     * "fail-safe" address), with the IPv4 gateway and the name servers that go with it.
     */
    public record Fallback(String address, String gateway, List<String> dns) {
        public static final Fallback NONE = new Fallback("", "", List.of());

        public Fallback {
            dns = List.copyOf(dns);
        }
    }

    /** The file's text for {@code bond}, with dhcpcd's route metric {@code metric} (0: dhcpcd's own). */
    public static String text(String bond, int metric) {
        return text(bond, metric, Fallback.NONE);
    }

    /** As {@link #text(String, int)}, falling back to {@code fallback} when no server answers. */
    public static String text(String bond, int metric, Fallback fallback) {
        StringBuilder s = new StringBuilder();
        s.append("# Written by bondtray-helper each time it starts dhcpcd for ").append(bond)
                .append("; changes here are lost.\n");
        s.append("""
                # The client is known by its DUID (RFC 4361), the same for DHCPv4 and DHCPv6, plus a
                # fixed IAID: the bond's MAC changes with each switchover, the lease must not.
                duid
                # A helper restart stops dhcpcd without a release: the address stays, traffic goes on.
                persistent
                # Name servers reach the system through the helper, which also knows static ones.
                nohook resolv.conf, hostname, wpa_supplicant, ntp.conf, timesyncd.conf, chrony.conf, openntpd.conf
                option domain_name_servers, domain_name, domain_search, routers, interface_mtu
                option rapid_commit
                require dhcp_server_identifier
                # SLAAC addresses from a secret, not from the MAC that changes.
                slaac private
                # No 5 s ARP probe of a leased address before it is used (NetworkManager does none by
                # default either): on a walk to another network it was most of the wait.
                noarp
                # No random wait of up to 2 s before the first DISCOVER (RFC 2131's guard against a
                # building's worth of clients booting at once): it is a single laptop that just moved.
                nodelay
                """);
        s.append("allowinterfaces ").append(bond).append('\n');
        if (!fallback.address().isEmpty()) {
            // A profile is a block of its own and must come before the interface's block.
            s.append("# No DHCP server answered within the reboot time: this address, not IPv4LL.\n");
            s.append("profile ").append(FALLBACK_PROFILE).append('\n');
            s.append("static ip_address=").append(fallback.address()).append('\n');
            if (!fallback.gateway().isEmpty()) {
                s.append("static routers=").append(fallback.gateway()).append('\n');
            }
            if (!fallback.dns().isEmpty()) {
                s.append("static domain_name_servers=").append(String.join(" ", fallback.dns())).append('\n');
            }
        }
        s.append("interface ").append(bond).append('\n');
        s.append("iaid ").append(iaid(bond)).append('\n');
        if (!fallback.address().isEmpty()) {
            s.append("fallback ").append(FALLBACK_PROFILE).append('\n');
        }
        if (metric > 0) {
            s.append("metric ").append(metric).append('\n');
        }
        return s.toString();
    }

    /**
     * The file's text for a dhcpcd on {@code port}, a backup port of {@code bond} whose network is
     * not the lease's: it takes a lease of that network ahead of time, under the bond's own client
     * identity (the same DUID, the bond's IAID), and configures nothing. When traffic then moves
     * to that port, the bond's new dhcpcd asks a server that knows the laptop already: it offers
     * that address at once, where it would first check an address new to it (dnsmasq pings it,
     * 3 s of a 5.6 s walk in the lab). Stopped, it sends no release, so the server keeps the lease.
     */
    public static String standbyText(String bond, String port) {
        return "# Written by bondtray-helper for " + port + ", a backup of " + bond
                + " on another network; changes here are lost.\n"
                + """
                # The bond's client identity, so that the lease is the bond's when traffic moves here.
                duid
                # A lease, held only: no address, no route, no hook scripts, no IPv6, no link-local.
                noconfigure
                script ""
                ipv4only
                noipv4ll
                persistent
                option rapid_commit
                require dhcp_server_identifier
                noarp
                nodelay
                """
                + "allowinterfaces " + port + "\n"
                + "interface " + port + "\n"
                + "iaid " + iaid(bond) + "\n";
    }
}
