package org.bondtray.cli;

import java.util.List;
import java.util.Map;

import org.bondtray.api.BondProperties;

/** {@code bondtray status} for people: what /proc/net/bonding says, in words. */
final class StatusText {
    private StatusText() {
    }

    @SuppressWarnings("unchecked")
    static String format(Map<String, Object> p) {
        StringBuilder s = new StringBuilder();
        String state = (String) p.get(BondProperties.STATE);
        String reason = (String) p.get(BondProperties.STATE_REASON);
        String active = (String) p.get(BondProperties.ACTIVE_PORT);
        Map<String, Map<String, Object>> ports = (Map<String, Map<String, Object>>) p.get(BondProperties.PORTS);
        s.append(p.get(BondProperties.NAME)).append(": ").append(state);
        if (active != null && !active.isEmpty()) {
            s.append(", traffic on ").append(active).append(" (").append(describe(ports.get(active))).append(')');
            if (p.get(BondProperties.ACTIVE_SINCE) instanceof Number since && since.longValue() > 0) {
                s.append(" since ").append(java.time.Instant.ofEpochMilli(since.longValue() / 1000)
                        .atZone(java.time.ZoneId.systemDefault()).toLocalTime().withNano(0));
            }
        }
        s.append('\n');
        if (reason != null && !reason.isEmpty()) {
            s.append("  ").append(reason).append('\n');
        }
        line(s, "address", (List<Object>) p.get(BondProperties.ADDRESSES));
        line(s, "gateway", (List<Object>) p.get(BondProperties.GATEWAY));
        line(s, "dns", (List<Object>) p.get(BondProperties.DNS));
        s.append(String.format("  %-10s %s%n", "prefer", p.get(BondProperties.PREFERENCE)));
        String network = switch (String.valueOf(p.get(BondProperties.NETWORK))) {
            case "same-network" -> "every port reaches the same network: a switch keeps connections";
            case "different-network" -> "the ports reach different networks: connections drop if traffic moves";
            default -> "";
        };
        if (!network.isEmpty()) {
            s.append(String.format("  %-10s %s%n", "network", network));
        }
        if (p.get(BondProperties.CONFIRM_DEADLINE) instanceof Number deadline && deadline.longValue() > 0) {
            s.append(String.format("  %-10s the last change is rolled back at %s if no gateway answers then;"
                    + " 'bondtray confirm' keeps it%n", "probation", java.time.Instant.ofEpochMilli(deadline.longValue() / 1000)
                    .atZone(java.time.ZoneId.systemDefault()).toLocalTime().withNano(0)));
        }
        if (ports != null) {
            ports.forEach((name, port) -> {
                String role = (String) port.get(BondProperties.PORT_ROLE);
                String why = (String) port.get(BondProperties.PORT_ROLE_REASON);
                s.append(String.format("  %-10s %-12s %s, link failures %s%n", name,
                        role + (why == null || why.isEmpty() ? "" : " (" + why + ")"), describe(port),
                        port.get(BondProperties.PORT_LINK_FAILURES)));
            });
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String label, List<Object> values) {
        if (values != null && !values.isEmpty()) {
            s.append(String.format("  %-10s %s%n", label, String.join(", ", values.stream().map(String::valueOf).toList())));
        }
    }

    private static String describe(Map<String, Object> port) {
        if (port == null) {
            return "";
        }
        String kind = (String) port.get(BondProperties.PORT_KIND);
        if ("wireless".equals(kind)) {
            String ssid = (String) port.get(BondProperties.PORT_SSID);
            return "Wi-Fi" + (ssid == null || ssid.isEmpty() ? "" : " " + ssid + ", " + port.get(BondProperties.PORT_SIGNAL) + " dBm");
        }
        Object speed = port.get(BondProperties.PORT_SPEED);
        return kind + (speed instanceof Number n && n.longValue() > 0 ? ", " + n + " Mb/s" : "")
                + (Boolean.TRUE.equals(port.get(BondProperties.PORT_CARRIER)) ? "" : ", no carrier");
    }
}
