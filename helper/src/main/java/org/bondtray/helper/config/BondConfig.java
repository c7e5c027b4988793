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
 * @param routes static routes, "10.8.0.0/16 via 192.168.1.1"
 * @param routeMetric the metric of the bond's routes, static and DHCP; 0 leaves the usual ones
 *                    (100 for static routes, dhcpcd's own for DHCP)
 * @param fallback an IPv4 address with prefix the bond takes when no DHCP server answers, or empty;
 *                 the gateway and name servers above come with it
 */
public record BondConfig(String bond, List<String> ports, Preference preference, String primary, int miimon,
                         int updelay, int downdelay, Addressing addressing, List<String> addresses,
                         List<String> gateways, List<String> dns, List<String> routes, int routeMetric,
                         String fallback) {

    public static final int DEFAULT_MIIMON = 100;
    /**
     * A port that comes up waits half a second before it may carry traffic: a cable that bounces
     * as it is plugged in, or a loose one toggling several times a second, does not drag traffic
     * back and forth, and the kernel has delivered the new carrier to everyone before the bond
     * switches. Waiting costs nothing: traffic flows on the other port meanwhile.
     */
    public static final int DEFAULT_UPDELAY = 500;
    public static final int MAX_TIMER_MS = 60_000;
    /** The metric of static routes when none is configured: below dhcpcd's usual 1000 and up. */
    public static final int STATIC_METRIC = 100;
    public static final int MAX_METRIC = 65_535;

    public BondConfig {
        ports = List.copyOf(ports);
        primary = primary == null ? "" : primary;
        addressing = addressing == null ? Addressing.DHCP : addressing;
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
        dns = List.copyOf(dns);
        routes = List.copyOf(routes);
        fallback = fallback == null ? "" : fallback;
    }

    /** The metric static routes get. */
    public int staticMetric() {
        return routeMetric > 0 ? routeMetric : STATIC_METRIC;
    }

    public static BondConfig defaults(String bond) {
        return new BondConfig(bond, List.of(), Preference.WIRED, "", DEFAULT_MIIMON, DEFAULT_UPDELAY, 0, Addressing.DHCP,
                List.of(), List.of(), List.of(), List.of(), 0, "");
    }

    public BondConfig withPreference(Preference p) {
        return new BondConfig(bond, ports, p, "", miimon, updelay, downdelay, addressing, addresses, gateways, dns,
                routes, routeMetric, fallback);
    }
}
