package org.bondtray.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.helper.kernel.ArpProbe;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.kernel.Rtnetlink;

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
        return ArpProbe.ask(ifindex, HexFormat.ofDelimiter(":").parseHex(mac), IpText.address(target).getAddress(),
                TRIES, WAIT);
    }

    static boolean now(Rtnetlink rt) {
        try {
            List<Link> links = rt.links();
            List<Rtnetlink.Route> routes = rt.routes(0).stream()
                    .filter(r -> r.isDefault() && IpText.isIpv4(r.gateway()))
                    .sorted(Comparator.comparingInt(Rtnetlink.Route::metric)).toList();
            for (Rtnetlink.Route r : routes) {
                Optional<Link> via = links.stream().filter(l -> l.index() == r.oif() && l.mac() != null).findFirst();
                if (via.isPresent() && whoHas(r.oif(), via.get().mac(), r.gateway()).isPresent()) {
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
