package org.bondtray.helper;

import java.io.IOException;
import java.net.InetAddress;
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

    /**
     * Which of the bond's {@code addresses} ("fd00:50::110/128") to take off, given what the
     * network it left left behind ({@code gone}, addresses without prefix) and the bond's IPv6
     * routes now ({@code routes6}). An IPv6 address in a prefix that the network the bond is on
     * now advertises stays: it is that network's. The old dhcpcd may have taken it itself before
     * it stopped (after a roam the Wi-Fi's carrier came back on the new network and dhcpcd started
     * over there), and the new one holds it again: taken off, the bond had no IPv6 address on
     * the café until dhcpcd's next renewal. The old network's prefixes went when it left.
     */
    static List<IpText.Prefixed> toTakeOff(List<String> gone, List<String> addresses, List<Kernel.Route> routes6) {
        List<InetAddress> dead = gone.stream().map(IpText::address).toList();
        List<IpText.Prefixed> advertised = routes6.stream()
                .filter(r -> r.isLearnt() && r.gateway().isEmpty() && !r.isDefault())
                .map(r -> IpText.prefixed(r.destination())).toList();
        return addresses.stream().map(IpText::prefixed)
                .filter(p -> dead.contains(p.address()))
                .filter(p -> advertised.stream().noneMatch(n -> n.contains(p.address())))
                .toList();
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
                    LOG.info("took the route " + r.text() + " of the network " + bond + " left off it");
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
