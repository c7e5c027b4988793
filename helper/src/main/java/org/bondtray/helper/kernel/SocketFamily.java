package org.bondtray.helper.kernel;

/**
 * Every kind of socket the helper opens itself, with the capability the kernel asks of it. The
 * helper's unit allows exactly these families and capabilities (RestrictAddressFamilies=,
 * CapabilityBoundingSet=), and a test holds the unit to this list: a socket the sandbox forbids
 * fails only on an installed system, where nothing else would notice.
 */
public enum SocketFamily {
    /** The system bus (dbus-java's native transport). */
    AF_UNIX(1, null),
    /** rtnetlink: reading links, addresses and routes needs nothing; changing them CAP_NET_ADMIN. */
    AF_NETLINK(16, "CAP_NET_ADMIN"),
    /** The ARP probe that asks whether a port reaches the gateway (packet(7): CAP_NET_RAW). */
    AF_PACKET(17, "CAP_NET_RAW");

    final int number;
    private final String capability;

    SocketFamily(int number, String capability) {
        this.number = number;
        this.capability = capability;
    }

    /** The capability (capabilities(7) name) that opening or using such a socket takes, or null. */
    public String capability() {
        return capability;
    }
}
