package org.bondtray.helper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Link;

/**
 * Whether a Setup can work, decided from what the kernel and wpa_supplicant show before anything
 * is touched: a refusal leaves the machine as it was.
 */
final class SetupCheck {
    private SetupCheck() {
    }

    /**
     * The ports {@code wanted} gets among {@code facts}, or the refusal that says why it cannot
     * work. {@code networks}: how many networks wpa_supplicant knows for a Wi-Fi adapter (-1 if
     * it does not manage it); {@code names}: interface names by index, for the messages.
     */
    static List<PortFacts> ports(BondConfig wanted, List<PortFacts> facts, Optional<Link> existing,
                                 ToIntFunction<String> networks, Map<Integer, String> names) {
        List<PortFacts> ports = PortMatcher.select(wanted.ports(), facts, wanted.bond());
        List<String> unknown = PortMatcher.unmatched(wanted.ports(), ports);
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("no network interface matches '" + unknown.get(0) + "'");
        }
        if (ports.isEmpty()) {
            throw Refusal.notFound("no wired or wireless interface found to bond");
        }
        for (PortFacts f : ports) {
            if (f.kind() == PortKind.WIRELESS && networks.applyAsInt(f.name()) == 0) {
                throw Refusal.invalid(f.name() + " knows no Wi-Fi network to join; connect it to one first");
            }
        }
        for (PortFacts f : ports) {
            int master = f.link().master();
            if (master != 0 && (existing.isEmpty() || master != existing.get().index())) {
                throw Refusal.busy(f.name() + " is already a port of " + names.getOrDefault(master, "another device")
                        + "; release it first");
            }
        }
        return ports;
    }
}
