package org.bondtray.helper.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The kernel as the helper asks it: links, a bond and its ports, addresses and routes. The
 * helper's decisions are carried out through this and nothing else of the kernel's, so the whole
 * daemon runs against an in-memory kernel in tests; {@link Rtnetlink} is the real one. One
 * instance is one request socket: whoever uses it from another thread opens its own through
 * {@link Source}.
 */
public interface Kernel extends AutoCloseable {

    /** Where the helper gets its request sockets and the kernel's events. */
    interface Source {
        /** A request socket of its own. */
        Kernel open() throws IOException;

        /** Tells {@code listener} of every link, address and route change until closed. */
        AutoCloseable follow(KernelEvents.Listener listener) throws IOException;

        /** The running kernel, over rtnetlink. */
        Source SYSTEM = new Source() {
            @Override
            public Kernel open() throws IOException {
                return new Rtnetlink();
            }

            @Override
            public AutoCloseable follow(KernelEvents.Listener listener) throws IOException {
                return new KernelEvents(listener);
            }
        };
    }

    /** What a new bond is made with; everything else is the kernel's default. */
    record BondSettings(int miimon, int updelay, int downdelay, int peerNotifications) {
    }

    /** An address on a link, as "192.168.50.7/24" or "fd00::7/64". */
    record Address(int index, int family, String text) {
        public boolean isIpv6() {
            return family == Rt.AF_INET6;
        }
    }

    /**
     * A route: where to ("" for the default route, else "10.8.0.0/16"), the gateway ("" for a
     * route on the link itself), who made it (RTPROT_*) and its metric.
     */
    record Route(String destination, String gateway, int protocol, int metric, int oif) {
        /** Who made a route the helper makes itself (RTPROT_STATIC). */
        public static final int STATIC = Rt.RTPROT_STATIC;
        /** Who made a route from a router advertisement (RTPROT_RA): dhcpcd, for the bond. */
        public static final int RA = Rt.RTPROT_RA;
        /** Who made a route from a DHCP lease (RTPROT_DHCP): dhcpcd, for the bond. */
        public static final int DHCP = Rt.RTPROT_DHCP;

        public boolean isStatic() {
            return protocol == STATIC;
        }

        /** Whether the route was learnt from the network (a router advertisement or a lease). */
        public boolean isLearnt() {
            return protocol == RA || protocol == DHCP;
        }

        public boolean isDefault() {
            return destination.isEmpty();
        }

        /** As people write it: "default via fe80::1", "fd00:50::/64". */
        public String text() {
            return (isDefault() ? "default" : destination) + (gateway.isEmpty() ? "" : " via " + gateway);
        }
    }

    List<Link> links() throws IOException;

    default Optional<Link> link(String name) throws IOException {
        return links().stream().filter(l -> name.equals(l.name())).findFirst();
    }

    /**
     * Creates an active-backup bond with {@code fail_over_mac=active}, set before any port
     * exists: a Wi-Fi port cannot take a foreign MAC while associated.
     */
    void createBond(String name, BondSettings s) throws IOException;

    /** Changes the bond's timers on a live bond (no port needs to leave). */
    void setBondTimers(int bondIndex, BondSettings s) throws IOException;

    /** Sets the bond's primary port (0: none); with primary_reselect=always it becomes active when up. */
    void setPrimary(int bondIndex, int portIndex) throws IOException;

    /**
     * Whether the bond's standby ports hand what they receive to the bond (all_slaves_active);
     * the kernel's default drops it there.
     */
    void setStandbyDelivers(int bondIndex, boolean delivers) throws IOException;

    /** Makes {@code portIndex} the active port now (the kernel refuses a port without link). */
    void setActivePort(int bondIndex, int portIndex) throws IOException;

    /** Enslaves a port (it must be down) or, with {@code masterIndex} 0, releases it. */
    void setMaster(int portIndex, int masterIndex) throws IOException;

    void setUp(int index, boolean up) throws IOException;

    void delete(int index) throws IOException;

    List<Address> addresses(int index) throws IOException;

    void addAddress(int index, InetAddress address, int prefix) throws IOException;

    /** Removes an address; one that is already gone is no error. */
    void deleteAddress(int index, InetAddress address, int prefix) throws IOException;

    /** Sets the default route of the gateway's family through a link, with a metric. */
    default void setDefaultRoute(int index, InetAddress gateway, int metric) throws IOException {
        setRoute(index, null, 0, gateway, metric);
    }

    /**
     * Sets a route to {@code destination}/{@code prefix} (null: the default route) through
     * {@code gateway} on a link, with a metric; one with the same destination and metric is replaced.
     */
    void setRoute(int index, InetAddress destination, int prefix, InetAddress gateway, int metric) throws IOException;

    /** Removes the static route {@link #setRoute} would have made with these values, if it is there. */
    void deleteRoute(int index, InetAddress destination, int prefix, InetAddress gateway, int metric) throws IOException;

    /** The routes through a gateway (IPv4 then IPv6) in the main table that leave through {@code index} (0: any). */
    List<Route> routes(int index) throws IOException;

    /** The IPv6 routes in the main table that leave through {@code index}, those on the link itself too. */
    List<Route> routes6(int index) throws IOException;

    /** Removes an IPv6 route as {@link #routes6} listed it, whoever made it; one already gone is no error. */
    void deleteRoute(Route route) throws IOException;

    @Override
    void close();
}
