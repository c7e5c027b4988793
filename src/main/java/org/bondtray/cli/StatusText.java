package org.bondtray.cli;

import java.util.List;
import java.util.Map;

import org.bondtray.api.BondProperties;
import org.bondtray.tray.Texts;

/**
 * {@code bondtray status} for people: what /proc/net/bonding says, in words. The API's own
 * words (state, role and its reason, preference) are shown as the API spells them, in every
 * language: they are what the documentation and scripts use.
 */
final class StatusText {
    private StatusText() {
    }

    @SuppressWarnings("unchecked")
    static String format(Map<String, Object> p, Texts t) {
        StringBuilder s = new StringBuilder();
        String state = (String) p.get(BondProperties.STATE);
        String reason = (String) p.get(BondProperties.STATE_REASON);
        String active = (String) p.get(BondProperties.ACTIVE_PORT);
        Map<String, Map<String, Object>> ports = (Map<String, Map<String, Object>>) p.get(BondProperties.PORTS);
        s.append(p.get(BondProperties.NAME)).append(": ").append(state);
        if (active != null && !active.isEmpty()) {
            s.append(t.get("status.traffic", active, describe(ports.get(active), t)));
            if (p.get(BondProperties.ACTIVE_SINCE) instanceof Number since && since.longValue() > 0) {
                s.append(t.get("status.since", clock(since)));
            }
        }
        s.append('\n');
        if (reason != null && !reason.isEmpty()) {
            s.append("  ").append(reason).append('\n');
        }
        line(s, t.get("status.address"), (List<Object>) p.get(BondProperties.ADDRESSES));
        line(s, t.get("status.gateway"), (List<Object>) p.get(BondProperties.GATEWAY));
        line(s, t.get("status.dns"), (List<Object>) p.get(BondProperties.DNS));
        s.append(String.format("  %-10s %s%n", t.get("status.prefer"), p.get(BondProperties.PREFERENCE)));
        String network = switch (String.valueOf(p.get(BondProperties.NETWORK))) {
            case "same-network" -> t.get("status.same.network");
            case "different-network" -> t.get("status.different.network");
            default -> "";
        };
        if (!network.isEmpty()) {
            s.append(String.format("  %-10s %s%n", t.get("status.network"), network));
        }
        if (p.get(BondProperties.CONFIRM_DEADLINE) instanceof Number deadline && deadline.longValue() > 0) {
            s.append(String.format("  %-10s %s%n", t.get("status.probation"), t.get("status.probation.text", clock(deadline))));
        }
        if (ports != null) {
            ports.forEach((name, port) -> {
                String role = (String) port.get(BondProperties.PORT_ROLE);
                String why = (String) port.get(BondProperties.PORT_ROLE_REASON);
                s.append(String.format("  %-10s %-12s %s, %s%n", name,
                        role + (why == null || why.isEmpty() ? "" : " (" + why + ")"), describe(port, t),
                        t.get("status.link.failures", String.valueOf(port.get(BondProperties.PORT_LINK_FAILURES)))));
            });
        }
        return s.toString();
    }

    /** Microseconds since the epoch as the local time of day, to the second. */
    private static String clock(Number micros) {
        return java.time.Instant.ofEpochMilli(micros.longValue() / 1000).atZone(java.time.ZoneId.systemDefault())
                .toLocalTime().withNano(0).toString();
    }

    private static void line(StringBuilder s, String label, List<Object> values) {
        if (values != null && !values.isEmpty()) {
            s.append(String.format("  %-10s %s%n", label, String.join(", ", values.stream().map(String::valueOf).toList())));
        }
    }

    private static String describe(Map<String, Object> port, Texts t) {
        if (port == null) {
            return "";
        }
        String kind = (String) port.get(BondProperties.PORT_KIND);
        if ("wireless".equals(kind)) {
            String ssid = (String) port.get(BondProperties.PORT_SSID);
            return "Wi-Fi" + (ssid == null || ssid.isEmpty() ? "" : " " + ssid + ", " + port.get(BondProperties.PORT_SIGNAL) + " dBm");
        }
        Object speed = port.get(BondProperties.PORT_SPEED);
        return t.get("wired".equals(kind) ? "status.wired" : "status.other")
                + (speed instanceof Number n && n.longValue() > 0 ? ", " + n + " Mb/s" : "")
                + (Boolean.TRUE.equals(port.get(BondProperties.PORT_CARRIER)) ? "" : ", " + t.get("status.no.carrier"));
    }
}
