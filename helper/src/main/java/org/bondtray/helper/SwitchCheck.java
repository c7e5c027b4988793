package org.bondtray.helper;

import java.util.List;
import java.util.Optional;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Link;

/**
 * Whether Switch may make a port active, decided from facts before anything is touched: each
 * refusal says its kind and, in words, what to do.
 */
final class SwitchCheck {
    private SwitchCheck() {
    }

    /** The port to make active, of the bond {@code bond} (its link); empty when it already is. */
    static Optional<PortFacts> target(String bondName, Optional<Link> bond, List<PortFacts> facts, String port) {
        Link b = bond.orElseThrow(() -> Refusal.failed(bondName + " does not exist; run setup again"));
        PortFacts f = facts.stream().filter(x -> x.name().equals(port)).findFirst()
                .orElseThrow(() -> Refusal.invalid("there is no network interface named " + port));
        if (f.link().master() != b.index()) {
            throw Refusal.notFound(port + " is not a port of " + bondName);
        }
        if (!f.rfkill().isEmpty()) {
            throw Refusal.rfkilled(port + " is blocked by rfkill (" + f.rfkill() + "); unblock the radio first");
        }
        if (!f.usable()) {
            throw Refusal.failed(port + " cannot carry traffic now: "
                    + BondPolicy.words(BondPolicy.port(f, b).roleReason()));
        }
        if (b.bond() != null && b.bond().activePortIndex() == f.link().index()) {
            return Optional.empty();
        }
        return Optional.of(f);
    }

    /** The bond a Switch or a preference applies to: there must be one, on a kernel that can bond. */
    static BondConfig configured(BondConfig config, String unsupported) {
        if (unsupported != null) {
            throw Refusal.unsupported(unsupported);
        }
        if (config == null) {
            throw Refusal.notFound("no bond is set up yet; run 'bondtray setup' first");
        }
        return config;
    }
}
