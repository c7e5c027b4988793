package org.bondtray.helper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the interfaces a configuration means. A spec is a permanent MAC (which survives renames
 * and re-plugging), a glob on the name ({@code enx*}) or a plain name. No spec at all means the
 * first wired and the first wireless interface, physical devices before virtual ones.
 */
public final class PortMatcher {
    private static final Pattern MAC = Pattern.compile("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    private PortMatcher() {
    }

    public static boolean isMac(String spec) {
        return MAC.matcher(spec).matches();
    }

    /** Whether {@code spec} names this interface. */
    public static boolean matches(String spec, PortFacts f) {
        if (isMac(spec)) {
            String mac = spec.toLowerCase(Locale.ROOT);
            return mac.equals(f.link().permanentMac()) || f.link().permanentMac() == null && mac.equals(f.link().mac());
        }
        if (spec.contains("*") || spec.contains("?")) {
            return glob(spec).matcher(f.name()).matches();
        }
        return spec.equals(f.name());
    }

    private static Pattern glob(String spec) {
        StringBuilder re = new StringBuilder();
        for (char c : spec.toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return Pattern.compile(re.toString());
    }

    /** The specs that name none of {@code ports}. */
    public static List<String> unmatched(List<String> specs, List<PortFacts> ports) {
        return specs.stream().filter(spec -> ports.stream().noneMatch(f -> matches(spec, f))).toList();
    }

    /** The ports of {@code specs} among {@code candidates}, in spec order, each once. */
    public static List<PortFacts> select(List<String> specs, List<PortFacts> candidates, String bond) {
        List<PortFacts> eligible = candidates.stream().filter(f -> eligible(f, bond)).toList();
        List<PortFacts> out = new ArrayList<>();
        if (specs.isEmpty()) {
            firstOf(eligible, PortKind.WIRED).ifPresent(out::add);
            firstOf(eligible, PortKind.WIRELESS).ifPresent(out::add);
            return out;
        }
        for (String spec : specs) {
            for (PortFacts f : eligible) {
                if (matches(spec, f) && !out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Interfaces a bond may take: Ethernet-like, not itself a master of something else. */
    private static boolean eligible(PortFacts f, String bond) {
        String kind = f.link().kind();
        boolean plain = kind == null || "veth".equals(kind);
        return plain && !"lo".equals(f.name()) && !bond.equals(f.name()) && f.kind() != PortKind.OTHER;
    }

    private static Optional<PortFacts> firstOf(List<PortFacts> eligible, PortKind kind) {
        return eligible.stream().filter(f -> f.kind() == kind)
                .min(Comparator.comparing((PortFacts f) -> !f.physical()).thenComparingInt(f -> f.link().index()));
    }
}
