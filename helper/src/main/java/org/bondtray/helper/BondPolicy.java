package org.bondtray.helper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bondtray.api.BondState;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Link;

/**
 * The helper's decisions, apart from how they are carried out: which port should be primary,
 * what state the bond is in, and what role each port plays. Pure functions of the facts.
 */
public final class BondPolicy {
    private BondPolicy() {
    }

    /**
     * The port the kernel should prefer now. A Wi-Fi port is only preferred once wpa_supplicant
     * reports "completed": carrier comes up at association, before the keys are in place, and a
     * primary with carrier is made active at once.
     */
    public static Optional<PortFacts> primary(BondConfig config, List<PortFacts> ports) {
        Optional<PortFacts> preferred;
        if (!config.primary().isEmpty()) {
            preferred = ports.stream().filter(f -> PortMatcher.matches(config.primary(), f)).findFirst();
        } else {
            preferred = switch (config.preference()) {
                case WIRED -> first(ports, PortKind.WIRED);
                case WIRELESS -> first(ports, PortKind.WIRELESS);
                case AUTOMATIC -> fastest(ports);
            };
        }
        if (preferred.isPresent() && preferred.get().kind() == PortKind.WIRELESS && !preferred.get().wifi().ready()) {
            return ports.stream().filter(f -> f != preferred.get() && f.usable()).findFirst();
        }
        return preferred;
    }

    private static Optional<PortFacts> first(List<PortFacts> ports, PortKind kind) {
        return ports.stream().filter(f -> f.kind() == kind).findFirst();
    }

    /** The usable port with the highest rate: a wire's negotiated speed against Wi-Fi's best rate. */
    private static Optional<PortFacts> fastest(List<PortFacts> ports) {
        PortFacts best = null;
        for (PortFacts f : ports) {
            if (f.usable() && (best == null || rate(f) > rate(best))) {
                best = f;
            }
        }
        return best == null ? first(ports, PortKind.WIRED) : Optional.of(best);
    }

    private static int rate(PortFacts f) {
        return f.kind() == PortKind.WIRELESS ? f.wifi().maxRateMbps() : f.speedMbps();
    }

    /** The bond's state and the reason a user reads, from the configured ports' facts. */
    public static BondView view(String bondName, Preference preference, Link bond, List<PortFacts> configured,
                                List<String> missing, List<String> addresses, List<String> gateways, List<String> dns) {
        List<PortView> ports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int usable = 0;
        String active = "";
        for (PortFacts f : configured) {
            PortView v = port(f, bond);
            ports.add(v);
            if (v.role().equals("active")) {
                active = f.name();
            }
            if (v.role().equals("active") || v.role().equals("backup")) {
                usable++;
            } else {
                problems.add(f.name() + ": " + words(v.roleReason())
                        + (f.rfkill().isEmpty() ? "" : " (" + (f.rfkill().equals("hard") ? "hardware switch" : "soft block") + ")"));
            }
        }
        for (String spec : missing) {
            ports.add(new PortView(spec, PortKind.OTHER, false, 0, "", 0, "unavailable", "unplugged", 0, ""));
            problems.add(spec + ": " + words("unplugged"));
        }
        int wanted = Math.max(2, ports.size());
        BondState state = usable == 0 ? BondState.DOWN : usable < wanted ? BondState.DEGRADED : BondState.UP;
        return new BondView(bondName, state, String.join("; ", problems), preference, active, 0, addresses, gateways,
                dns, ports, DhcpStatus.OFF, SameNetwork.UNKNOWN, 0, List.of());
    }

    static PortView port(PortFacts f, Link bond) {
        Link l = f.link();
        String role;
        String reason = "";
        if (!f.rfkill().isEmpty()) {
            role = "unavailable";
            reason = "rfkill";
        } else if (bond == null || l.master() != bond.index()) {
            role = "unavailable";
            reason = "not-enslaved";
        } else if (!l.carrier()) {
            role = f.kind() == PortKind.WIRELESS ? "unavailable" : "down";
            reason = f.kind() == PortKind.WIRELESS ? "not-associated" : "no-carrier";
        } else if (f.kind() == PortKind.WIRELESS && !f.wifi().ready()) {
            role = "unavailable";
            reason = "not-associated";
        } else if (bond.bond() != null && bond.bond().activePortIndex() == l.index()) {
            role = "active";
        } else {
            role = "backup";
        }
        int failures = l.port() == null ? 0 : l.port().linkFailures();
        return new PortView(l.name(), f.kind(), l.carrier(), f.speedMbps(), f.wifi().ssid(), f.wifi().signalDbm(),
                role, reason, failures, l.permanentMac() == null ? "" : l.permanentMac());
    }

    /** The words a user reads for a role reason. */
    static String words(String reason) {
        return switch (reason) {
            case "no-carrier" -> "cable unplugged";
            case "rfkill" -> "radio blocked by rfkill";
            case "not-associated" -> "Wi-Fi not connected";
            case "unplugged" -> "adapter not present";
            case "not-enslaved" -> "not in the bond";
            default -> reason;
        };
    }
}
