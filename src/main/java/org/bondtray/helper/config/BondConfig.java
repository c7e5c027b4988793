package org.bondtray.helper.config;

import java.util.List;

import org.bondtray.helper.Addressing;
import org.bondtray.helper.Preference;

/**
 * What the user asked the bond to be. Ports are named by permanent MAC, interface name or name
 * pattern ({@code en*}); an empty list means "the first wired and the first wireless port".
 *
 * @param primary a port spec that overrides the preference, or empty
 * @param addresses static addresses with prefix ("192.168.1.7/24"), used unless addressing is DHCP
 * @param gateways at most one IPv4 and one IPv6 default gateway
 * @param dns name servers for static addressing
 */
public record BondConfig(String bond, List<String> ports, Preference preference, String primary, int miimon,
                         int updelay, int downdelay, Addressing addressing, List<String> addresses,
                         List<String> gateways, List<String> dns) {

    public static final int DEFAULT_MIIMON = 100;
    /**
     * A port that comes up waits two link-monitor ticks before it may carry traffic: a cable that
     * bounces as it is plugged in (or a flapping one) does not drag traffic back and forth, and
     * the kernel has delivered the new carrier to everyone before the bond switches.
     */
    public static final int DEFAULT_UPDELAY = 200;
    public static final int MAX_TIMER_MS = 60_000;

    public BondConfig {
        ports = List.copyOf(ports);
        primary = primary == null ? "" : primary;
        addressing = addressing == null ? Addressing.DHCP : addressing;
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
        dns = List.copyOf(dns);
    }

    public static BondConfig defaults(String bond) {
        return new BondConfig(bond, List.of(), Preference.WIRED, "", DEFAULT_MIIMON, DEFAULT_UPDELAY, 0, Addressing.DHCP,
                List.of(), List.of(), List.of());
    }

    public BondConfig withPreference(Preference p) {
        return new BondConfig(bond, ports, p, "", miimon, updelay, downdelay, addressing, addresses, gateways, dns);
    }
}
