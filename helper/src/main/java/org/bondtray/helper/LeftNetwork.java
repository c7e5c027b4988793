package org.bondtray.helper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;

/**
 * The IPv6 a network leaves on the bond when traffic moves to another one (see
 * {@link Dhcpcd.Leaving}). Its routers' routes go at once: they lead to a router that is not
 * there, and the new dhcpcd, not started yet, adds the new network's own from its first
 * advertisement. Its addresses are named for later: taken off now, a move the verdict got wrong
 * would cost every IPv6 connection, so they wait for the new lease to prove the move.
 * Runs on the worker, with the worker's kernel.
 */
final class LeftNetwork implements Dhcpcd.Leaving {
    private static final Logger LOG = Logger.getLogger(LeftNetwork.class.getName());

    private final Kernel rt;

    LeftNetwork(Kernel rt) {
        this.rt = rt;
    }

    @Override
    public List<String> leave(String bond) {
        Optional<Link> b;
        try {
            b = rt.link(bond);
        } catch (IOException e) {
            LOG.warning("could not find " + bond + " to take the IPv6 of the network it left off: " + e.getMessage());
            return List.of();
        }
        if (b.isEmpty()) {
            return List.of();
        }
        int index = b.get().index();
        try {
            for (Kernel.Route r : rt.routes6(index)) {
                // Only what dhcpcd learnt: the kernel's own (fe80::/64) and the helper's static ones stay.
                if (r.isLearnt()) {
                    rt.deleteRoute(r);
                    LOG.info("took the route " + (r.isDefault() ? "default" : r.destination())
                            + (r.gateway().isEmpty() ? "" : " via " + r.gateway()) + " of the network " + bond
                            + " left off it");
                }
            }
        } catch (IOException e) {
            LOG.warning("could not take the routes of the network " + bond + " left off it: " + e.getMessage());
        }
        List<String> addresses = new ArrayList<>();
        try {
            for (Kernel.Address a : rt.addresses(index)) {
                if (a.isIpv6()) {
                    addresses.add(a.text().replaceAll("/.*", ""));
                }
            }
        } catch (IOException e) {
            LOG.warning("could not read the IPv6 addresses of " + bond + ": " + e.getMessage());
        }
        return addresses;
    }
}
