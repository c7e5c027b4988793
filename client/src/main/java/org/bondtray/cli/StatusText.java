package org.bondtray.cli;

import java.util.List;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;

/**
 * {@code bondtray status} for people: what /proc/net/bonding says, in words. The API's own
 * words (state, role and its reason, preference) are shown as the API spells them, in every
 * language: they are what the documentation and scripts use.
 */
final class StatusText {
    private StatusText() {
    }

    static String format(BondSnapshot b, Texts t) {
        StringBuilder s = new StringBuilder();
        s.append(b.name()).append(": ").append(b.state());
        if (!b.activePort().isEmpty()) {
            s.append(t.get("status.traffic", b.activePort(), describe(b.active(), t)));
            if (b.activeSinceMicros() > 0) {
                s.append(t.get("status.since", clock(b.activeSinceMicros())));
            }
        }
        s.append('\n');
        if (!b.reason().isEmpty()) {
            s.append("  ").append(b.reason()).append('\n');
        }
        line(s, t.get("status.address"), b.addresses());
        line(s, t.get("status.gateway"), b.gateway());
        line(s, t.get("status.dns"), b.dns());
        s.append(String.format("  %-10s %s%n", t.get("status.prefer"), b.preference()));
        String network = switch (b.network()) {
            case BondProperties.NETWORK_SAME -> t.get("status.same.network");
            case BondProperties.NETWORK_DIFFERENT -> t.get("status.different.network");
            default -> "";
        };
        if (!network.isEmpty()) {
            s.append(String.format("  %-10s %s%n", t.get("status.network"), network));
        }
        if (b.confirmDeadlineMicros() > 0) {
            s.append(String.format("  %-10s %s%n", t.get("status.probation"),
                    t.get("status.probation.text", clock(b.confirmDeadlineMicros()))));
        }
        for (BondSnapshot.Port port : b.ports()) {
            s.append(String.format("  %-10s %-12s %s, %s%n", port.name(),
                    port.role() + (port.roleReason().isEmpty() ? "" : " (" + port.roleReason() + ")"),
                    describe(port, t), t.get("status.link.failures", String.valueOf(port.linkFailures()))));
        }
        return s.toString();
    }

    /** Microseconds since the epoch as the local time of day, to the second. */
    private static String clock(long micros) {
        return java.time.Instant.ofEpochMilli(micros / 1000).atZone(java.time.ZoneId.systemDefault())
                .toLocalTime().withNano(0).toString();
    }

    private static void line(StringBuilder s, String label, List<String> values) {
        if (!values.isEmpty()) {
            s.append(String.format("  %-10s %s%n", label, String.join(", ", values)));
        }
    }

    private static String describe(BondSnapshot.Port port, Texts t) {
        if (port == null) {
            return "";
        }
        if (port.wireless()) {
            return "Wi-Fi" + (port.ssid().isEmpty() ? "" : " " + port.ssid() + ", " + port.signal() + " dBm");
        }
        return t.get("wired".equals(port.kind()) ? "status.wired" : "status.other")
                + (port.speed() > 0 ? ", " + port.speed() + " Mb/s" : "")
                + (port.carrier() ? "" : ", " + t.get("status.no.carrier"));
    }
}
