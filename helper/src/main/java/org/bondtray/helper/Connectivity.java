package org.bondtray.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.helper.kernel.ArpProbe;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;

/**
 * Whether the machine reaches a gateway now: some IPv4 default route (lowest metric first) whose
 * gateway answers an ARP probe on that route's interface. A change to the bond is judged by it:
 * one that cost the machine its gateway is rolled back if nobody confirms it.
 */
final class Connectivity {
    private static final Logger LOG = Logger.getLogger(Connectivity.class.getName());
    private static final int TRIES = 3;
    private static final Duration WAIT = Duration.ofMillis(700);

    private Connectivity() {
    }

    /**
     * The MAC that answers for the IPv4 address {@code target} through the port {@code ifindex}
     * whose own MAC is {@code mac} ("aa:bb:..."), asking three times; empty if none does.
     */
    static Optional<byte[]> whoHas(int ifindex, String mac, String target) throws IOException {
        return ask(ifindex, mac, target, TRIES);
    }

    private static Optional<byte[]> ask(int ifindex, String mac, String target, int tries) throws IOException {
        return ArpProbe.ask(ifindex, HexFormat.ofDelimiter(":").parseHex(mac), IpText.address(target).getAddress(),
                tries, WAIT);
    }

    /**
     * Whether a gateway answers, asking up to three times. Each time routes and MACs are read
     * anew: with fail_over_mac the bond's MAC is its active port's, and it changes with a
     * switchover; a probe sent with the old one over the new port gets no answer.
     */
    static boolean now(Kernel rt) {
        for (int i = 0; i < TRIES; i++) {
            if (answersOnce(rt)) {
                return true;
            }
        }
        return false;
    }

    /** Asks each default route's gateway once, lowest metric first, waiting for an answer up to 700 ms each. */
    static boolean answersOnce(Kernel rt) {
        try {
            List<Link> links = rt.links();
            List<Kernel.Route> routes = rt.routes(0).stream()
                    .filter(r -> r.isDefault() && IpText.isIpv4(r.gateway()))
                    .sorted(Comparator.comparingInt(Kernel.Route::metric)).toList();
            for (Kernel.Route r : routes) {
                Optional<Link> via = links.stream().filter(l -> l.index() == r.oif() && l.mac() != null).findFirst();
                if (via.isPresent() && ask(r.oif(), via.get().mac(), r.gateway(), 1).isPresent()) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.warning("could not find out whether a gateway answers: " + e.getMessage());
            return false;
        }
    }
}
