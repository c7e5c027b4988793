package org.bondtray.helper.dhcp;

import java.nio.charset.StandardCharsets;
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

    /** The file's text for {@code bond}, with dhcpcd's route metric {@code metric} (0: dhcpcd's own). */
    public static String text(String bond, int metric) {
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
                """);
        s.append("allowinterfaces ").append(bond).append('\n');
        s.append("interface ").append(bond).append('\n');
        s.append("iaid ").append(iaid(bond)).append('\n');
        if (metric > 0) {
            s.append("metric ").append(metric).append('\n');
        }
        return s.toString();
    }
}
