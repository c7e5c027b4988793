package org.bondtray.helper.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The helper's requests to the kernel over rtnetlink: read links and addresses, create and
 * delete a bond, enslave and release ports, bring links up and down. One instance owns one
 * request socket; callers serialize (the helper's single worker thread does).
 */
public final class Rtnetlink implements Kernel {
    private final NetlinkSocket socket;

    public Rtnetlink() throws IOException {
        socket = new NetlinkSocket(0, 1000);
    }

    @Override
    public List<Link> links() throws IOException {
        List<Link> out = new ArrayList<>();
        socket.dump("list links", new NlMessage(Rt.RTM_GETLINK, 0).ifinfo(0, 0, 0), m -> out.add(Link.parse(m)));
        return out;
    }

    /**
     * Creates an active-backup bond. {@code fail_over_mac=active} goes in the same request, so
     * it is set before any port exists: a Wi-Fi port cannot take a foreign MAC while associated.
     */
    @Override
    public void createBond(String name, BondSettings s) throws IOException {
        NlMessage m = new NlMessage(Rt.RTM_NEWLINK, NetlinkSocket.NLM_F_CREATE | NetlinkSocket.NLM_F_EXCL)
                .ifinfo(0, 0, 0)
                .string(Rt.IFLA_IFNAME, name)
                .begin(Rt.IFLA_LINKINFO)
                .string(Rt.IFLA_INFO_KIND, "bond")
                .begin(Rt.IFLA_INFO_DATA)
                .u8(Rt.IFLA_BOND_MODE, Rt.BOND_MODE_ACTIVE_BACKUP)
                .u8(Rt.IFLA_BOND_FAIL_OVER_MAC, Rt.BOND_FOM_ACTIVE)
                .u32(Rt.IFLA_BOND_MIIMON, s.miimon())
                .u32(Rt.IFLA_BOND_UPDELAY, s.updelay())
                .u32(Rt.IFLA_BOND_DOWNDELAY, s.downdelay())
                .u8(Rt.IFLA_BOND_NUM_PEER_NOTIF, s.peerNotifications())
                .end()
                .end();
        socket.request("create bond " + name, m);
    }

    /** Changes bond options of a live bond: {@code options} adds IFLA_BOND_* attributes. */
    private void changeBond(String what, int bondIndex, java.util.function.UnaryOperator<NlMessage> options)
            throws IOException {
        NlMessage m = new NlMessage(Rt.RTM_NEWLINK, 0).ifinfo(bondIndex, 0, 0)
                .begin(Rt.IFLA_LINKINFO).string(Rt.IFLA_INFO_KIND, "bond").begin(Rt.IFLA_INFO_DATA);
        socket.request(what + " of bond " + bondIndex, options.apply(m).end().end());
    }

    /** Changes the bond's timers on a live bond (no port needs to leave). */
    @Override
    public void setBondTimers(int bondIndex, BondSettings s) throws IOException {
        changeBond("set timers", bondIndex, m -> m.u32(Rt.IFLA_BOND_MIIMON, s.miimon())
                .u32(Rt.IFLA_BOND_UPDELAY, s.updelay())
                .u32(Rt.IFLA_BOND_DOWNDELAY, s.downdelay())
                .u8(Rt.IFLA_BOND_NUM_PEER_NOTIF, s.peerNotifications()));
    }

    /** Sets the bond's primary port (0: none); with primary_reselect=always it becomes active when up. */
    @Override
    public void setPrimary(int bondIndex, int portIndex) throws IOException {
        changeBond("set primary", bondIndex, m -> m.u32(Rt.IFLA_BOND_PRIMARY, portIndex));
    }

    /**
     * Whether the bond's standby ports hand what they receive to the bond (all_slaves_active);
     * the kernel's default drops it there.
     */
    @Override
    public void setStandbyDelivers(int bondIndex, boolean delivers) throws IOException {
        changeBond(delivers ? "let standby ports deliver" : "drop what standby ports receive", bondIndex,
                m -> m.u8(Rt.IFLA_BOND_ALL_SLAVES_ACTIVE, delivers ? 1 : 0));
    }

    /** Makes {@code portIndex} the active port now (the kernel refuses a port without link). */
    @Override
    public void setActivePort(int bondIndex, int portIndex) throws IOException {
        changeBond("set active port", bondIndex, m -> m.u32(Rt.IFLA_BOND_ACTIVE_SLAVE, portIndex));
    }

    /** Enslaves a port (it must be down) or, with {@code masterIndex} 0, releases it. */
    @Override
    public void setMaster(int portIndex, int masterIndex) throws IOException {
        NlMessage m = new NlMessage(Rt.RTM_NEWLINK, 0).ifinfo(portIndex, 0, 0).u32(Rt.IFLA_MASTER, masterIndex);
        socket.request(masterIndex == 0 ? "release port " + portIndex : "enslave port " + portIndex, m);
    }

    @Override
    public void setUp(int index, boolean up) throws IOException {
        NlMessage m = new NlMessage(Rt.RTM_NEWLINK, 0).ifinfo(index, up ? Link.IFF_UP : 0, Link.IFF_UP);
        socket.request((up ? "bring up link " : "bring down link ") + index, m);
    }

    @Override
    public void delete(int index) throws IOException {
        socket.request("delete link " + index, new NlMessage(Rt.RTM_DELLINK, 0).ifinfo(index, 0, 0));
    }

    @Override
    public List<Address> addresses(int index) throws IOException {
        List<Address> out = new ArrayList<>();
        socket.dump("list addresses", new NlMessage(Rt.RTM_GETADDR, 0).ifaddr(Rt.AF_UNSPEC, 0), m -> {
            Address a = parseAddress(m);
            if (a != null && a.index() == index) {
                out.add(a);
            }
        });
        return out;
    }

    static Address parseAddress(java.nio.ByteBuffer m) {
        int family = Byte.toUnsignedInt(m.get(NlMessage.HEADER));
        int prefix = Byte.toUnsignedInt(m.get(NlMessage.HEADER + 1));
        int scope = Byte.toUnsignedInt(m.get(NlMessage.HEADER + 3));
        int index = m.getInt(NlMessage.HEADER + 4);
        NlAttrs a = new NlAttrs(m, NlMessage.HEADER + 8, m.limit());
        byte[] raw = a.bytes(family == Rt.AF_INET ? Rt.IFA_LOCAL : Rt.IFA_ADDRESS);
        if (raw == null) {
            raw = a.bytes(Rt.IFA_ADDRESS);
        }
        // Only what a user would call "the address": link-local and host scopes are noise here.
        if (raw == null || scope != 0) {
            return null;
        }
        return new Address(index, family, text(raw) + "/" + prefix);
    }

    /** Adds (or refreshes) an address such as 192.168.1.7/24 or fd00::7/64 on a link. */
    @Override
    public void addAddress(int index, InetAddress address, int prefix) throws IOException {
        socket.request("add address " + text(address.getAddress()) + "/" + prefix + " to link " + index,
                address(Rt.RTM_NEWADDR, NetlinkSocket.NLM_F_CREATE | Rt.NLM_F_REPLACE, index, address, prefix));
    }

    /** Removes an address from a link; one that is not there is no error. */
    @Override
    public void deleteAddress(int index, InetAddress address, int prefix) throws IOException {
        deleting("delete address " + text(address.getAddress()) + "/" + prefix + " from link " + index,
                address(Rt.RTM_DELADDR, 0, index, address, prefix));
    }

    /** A delete whose target is gone already has done its job (the kernel drops a route with its address). */
    private void deleting(String what, NlMessage m) throws IOException {
        try {
            socket.request(what, m);
        } catch (NetlinkException e) {
            if (!e.alreadyGone()) {
                throw e;
            }
        }
    }

    private static NlMessage address(int type, int flags, int index, InetAddress address, int prefix) {
        int family = address.getAddress().length == 4 ? Rt.AF_INET : Rt.AF_INET6;
        NlMessage m = new NlMessage(type, flags).ifaddr(family, prefix, index);
        if (family == Rt.AF_INET) {
            m.attr(Rt.IFA_LOCAL, address.getAddress());
        }
        return m.attr(Rt.IFA_ADDRESS, address.getAddress());
    }

    /**
     * Sets a route to {@code destination}/{@code prefix} (null: the default route) through
     * {@code gateway} on a link, with a metric; one with the same destination and metric is replaced.
     */
    @Override
    public void setRoute(int index, InetAddress destination, int prefix, InetAddress gateway, int metric)
            throws IOException {
        String to = destination == null ? "default" : text(destination.getAddress()) + "/" + prefix;
        socket.request("set route " + to + " via " + text(gateway.getAddress()) + " on link " + index,
                route(Rt.RTM_NEWROUTE, NetlinkSocket.NLM_F_CREATE | Rt.NLM_F_REPLACE, familyOf(gateway), Rt.RTPROT_STATIC,
                        index, destination, prefix, gateway, metric));
    }

    /** Removes the static route {@link #setRoute} would have made with these values, if it is there. */
    @Override
    public void deleteRoute(int index, InetAddress destination, int prefix, InetAddress gateway, int metric)
            throws IOException {
        String to = destination == null ? "default" : text(destination.getAddress()) + "/" + prefix;
        deleting("delete route " + to + " via " + text(gateway.getAddress()) + " on link " + index,
                route(Rt.RTM_DELROUTE, 0, familyOf(gateway), Rt.RTPROT_STATIC, index, destination, prefix, gateway,
                        metric));
    }

    private static int familyOf(InetAddress a) {
        return a.getAddress().length == 4 ? Rt.AF_INET : Rt.AF_INET6;
    }

    /**
     * A route message: {@code destination} null for the default route, {@code gateway} null for a
     * route on the link itself. The kernel matches a delete's {@code protocol} too: a route dhcpcd
     * made (proto ra) is not a static one.
     */
    private static NlMessage route(int type, int flags, int family, int protocol, int index, InetAddress destination,
                                   int prefix, InetAddress gateway, int metric) {
        NlMessage m = new NlMessage(type, flags).rtmsg(family, destination == null ? 0 : prefix, Rt.RT_TABLE_MAIN,
                protocol, Rt.RT_SCOPE_UNIVERSE, Rt.RTN_UNICAST);
        if (destination != null) {
            m.attr(Rt.RTA_DST, destination.getAddress());
        }
        if (gateway != null) {
            m.attr(Rt.RTA_GATEWAY, gateway.getAddress());
        }
        return m.u32(Rt.RTA_OIF, index).u32(Rt.RTA_PRIORITY, metric);
    }

    /** The routes through a gateway (IPv4 then IPv6) in the main table that leave through {@code index} (0: any). */
    @Override
    public List<Route> routes(int index) throws IOException {
        List<Route> out = new ArrayList<>();
        for (int family : new int[] {Rt.AF_INET, Rt.AF_INET6}) {
            out.addAll(routes(family, index).stream().filter(r -> !r.gateway().isEmpty()).toList());
        }
        return out;
    }

    @Override
    public List<Route> routes6(int index) throws IOException {
        return routes(Rt.AF_INET6, index);
    }

    /** The unicast routes of {@code family} in the main table that leave through {@code index} (0: any). */
    private List<Route> routes(int family, int index) throws IOException {
        List<Route> out = new ArrayList<>();
        socket.dump("list routes", new NlMessage(Rt.RTM_GETROUTE, 0).rtmsg(family), m -> {
            int dstLen = Byte.toUnsignedInt(m.get(NlMessage.HEADER + 1));
            int table = Byte.toUnsignedInt(m.get(NlMessage.HEADER + 4));
            int protocol = Byte.toUnsignedInt(m.get(NlMessage.HEADER + 5));
            int type = Byte.toUnsignedInt(m.get(NlMessage.HEADER + 7));
            NlAttrs a = new NlAttrs(m, NlMessage.HEADER + 12, m.limit());
            Integer oif = a.u32(Rt.RTA_OIF);
            Integer metric = a.u32(Rt.RTA_PRIORITY);
            byte[] gw = a.bytes(Rt.RTA_GATEWAY);
            byte[] dst = a.bytes(Rt.RTA_DST);
            if (table == Rt.RT_TABLE_MAIN && type == Rt.RTN_UNICAST && oif != null && (index == 0 || oif == index)) {
                String to = dstLen == 0 || dst == null ? "" : text(dst) + "/" + dstLen;
                out.add(new Route(to, gw == null ? "" : text(gw), protocol, metric == null ? 0 : metric, oif));
            }
        });
        return out;
    }

    @Override
    public void deleteRoute(Route route) throws IOException {
        InetAddress destination = route.isDefault() ? null
                : InetAddress.ofLiteral(route.destination().replaceAll("/.*", ""));
        int prefix = route.isDefault() ? 0 : Integer.parseInt(route.destination().replaceAll(".*/", ""));
        InetAddress gateway = route.gateway().isEmpty() ? null : InetAddress.ofLiteral(route.gateway());
        deleting("delete route " + route.text() + " on link " + route.oif(), route(Rt.RTM_DELROUTE, 0, Rt.AF_INET6,
                route.protocol(), route.oif(), destination, prefix, gateway, route.metric()));
    }

    /** An address as people write it: dotted quad, or IPv6 compressed per RFC 5952. */
    public static String text(byte[] raw) {
        if (raw.length != 16) {
            try {
                return InetAddress.getByAddress(raw).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (raw[2 * i] & 0xff) << 8 | raw[2 * i + 1] & 0xff;
        }
        // The longest run of two or more zero groups (the first, on a tie) becomes "::".
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }

    @Override
    public void close() {
        socket.close();
    }
}
