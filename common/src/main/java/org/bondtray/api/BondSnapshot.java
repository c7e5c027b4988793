package org.bondtray.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bond at one moment, decoded once from the helper's properties (src/doc/bond-api.txt); or
 * that the helper cannot be reached. The tray's icon, tooltip, menu, notifications and windows
 * and the command line's status all read it from here.
 */
public record BondSnapshot(boolean helperReachable, String state, String reason, String preference,
                           String activePort, List<String> addresses, String network, List<Port> ports,
                           List<String> gateway, List<String> dns, long confirmDeadlineMicros, String dhcpState,
                           String name, long activeSinceMicros, List<String> keepingNetworks) {

    /** One port as the helper describes it; {@code signal} in dBm, {@code speed} in Mb/s. */
    public record Port(String name, String kind, boolean carrier, long speed, String ssid, int signal,
                       String role, String roleReason, long linkFailures, String permanentAddress) {
        public Port(String name, String kind, boolean carrier, long speed, String ssid, int signal, String role,
                    String roleReason) {
            this(name, kind, carrier, speed, ssid, signal, role, roleReason, 0, "");
        }

        public boolean wireless() {
            return "wireless".equals(kind);
        }
    }

    /** Without the details only the status window shows (gateway, DNS, a change on probation). */
    public BondSnapshot(boolean helperReachable, String state, String reason, String preference, String activePort,
                        List<String> addresses, String network, List<Port> ports) {
        this(helperReachable, state, reason, preference, activePort, addresses, network, ports, List.of(), List.of(), 0, "",
                "", 0, List.of());
    }

    public static BondSnapshot unreachable(String why) {
        return new BondSnapshot(false, "", why, "", "", List.of(), "unknown", List.of());
    }

    /** From the helper's properties as plain Java values (strings, lists, maps, numbers). */
    @SuppressWarnings("unchecked")
    public static BondSnapshot of(Map<String, Object> p) {
        List<Port> ports = new ArrayList<>();
        if (p.get(BondProperties.PORTS) instanceof Map<?, ?> m) {
            ((Map<String, Map<String, Object>>) m).forEach((name, q) -> ports.add(new Port(name,
                    text(q.get(BondProperties.PORT_KIND)), Boolean.TRUE.equals(q.get(BondProperties.PORT_CARRIER)),
                    number(q.get(BondProperties.PORT_SPEED)), text(q.get(BondProperties.PORT_SSID)),
                    (int) number(q.get(BondProperties.PORT_SIGNAL)), text(q.get(BondProperties.PORT_ROLE)),
                    text(q.get(BondProperties.PORT_ROLE_REASON)), number(q.get(BondProperties.PORT_LINK_FAILURES)),
                    text(q.get(BondProperties.PORT_PERMANENT_ADDRESS)))));
        }
        return new BondSnapshot(true, text(p.get(BondProperties.STATE)), text(p.get(BondProperties.STATE_REASON)),
                text(p.get(BondProperties.PREFERENCE)), text(p.get(BondProperties.ACTIVE_PORT)),
                texts(p.get(BondProperties.ADDRESSES)), text(p.get(BondProperties.NETWORK)), List.copyOf(ports),
                texts(p.get(BondProperties.GATEWAY)), texts(p.get(BondProperties.DNS)),
                number(p.get(BondProperties.CONFIRM_DEADLINE)),
                p.get(BondProperties.DHCP) instanceof Map<?, ?> d ? text(d.get(BondProperties.DHCP_STATE)) : "",
                text(p.get(BondProperties.NAME)), number(p.get(BondProperties.ACTIVE_SINCE)),
                texts(p.get(BondProperties.KEEPING_NETWORKS)));
    }

    private static List<String> texts(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    public Port active() {
        return ports.stream().filter(x -> x.name().equals(activePort)).findFirst().orElse(null);
    }

    /** The port that would take over: the first port of the bond that is not active. */
    public Port standby() {
        return ports.stream().filter(x -> !x.name().equals(activePort)).findFirst().orElse(null);
    }

    public Port port(String name) {
        return ports.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    }

    /** The first IPv4 address without its prefix length, or the first address at all; "" if none. */
    public String address() {
        String first = addresses.stream().filter(a -> a.indexOf(':') < 0).findFirst()
                .orElse(addresses.isEmpty() ? "" : addresses.get(0));
        int slash = first.indexOf('/');
        return slash < 0 ? first : first.substring(0, slash);
    }

    private static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
