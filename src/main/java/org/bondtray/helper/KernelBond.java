package org.bondtray.helper;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.kernel.Rtnetlink;

/** How a bond is made so: the kernel steps for the helper's decisions, in the order that works. */
final class KernelBond {
    /** Peers learn the bond's new MAC from one gratuitous ARP / unsolicited NA per switchover. */
    private static final int PEER_NOTIFICATIONS = 1;

    private final Rtnetlink rt;

    KernelBond(Rtnetlink rt) {
        this.rt = rt;
    }

    static Rtnetlink.BondSettings settings(BondConfig c) {
        return new Rtnetlink.BondSettings(c.miimon(), c.updelay(), c.downdelay(), PEER_NOTIFICATIONS);
    }

    /** The bond, created if missing, with the configured timers. */
    Link ensure(BondConfig c, Optional<Link> existing) throws IOException {
        if (existing.isPresent()) {
            rt.setBondTimers(existing.get().index(), settings(c));
            return existing.get();
        }
        rt.createBond(c.bond(), settings(c));
        return rt.link(c.bond()).orElseThrow(() -> new IOException(c.bond() + " vanished right after it was made"));
    }

    /** Releases ports of {@code bond} that are not wanted any more. */
    void releaseAllBut(Link bond, List<PortFacts> all, List<PortFacts> wanted) throws IOException {
        for (PortFacts f : all) {
            if (f.link().master() == bond.index() && !wanted.contains(f)) {
                release(f.link().index());
            }
        }
    }

    /**
     * A port must be down to be enslaved. For Wi-Fi this drops the association; wpa_supplicant
     * makes it again by itself, and the port only counts as ready once it has.
     */
    void enslave(Link bond, PortFacts port) throws IOException {
        rt.setUp(port.link().index(), false);
        rt.setMaster(port.link().index(), bond.index());
    }

    private void release(int index) throws IOException {
        rt.setMaster(index, 0);
        rt.setUp(index, true);
    }

    /**
     * The configured static addresses and default routes on the bond, added where missing from
     * what the caller read ({@code present}, {@code routes}). Routes get metric 100, below DHCP's
     * usual ones, until the addressing work makes it a setting.
     */
    void staticAddressing(Link bond, BondConfig c, List<String> present, List<Rtnetlink.DefaultRoute> routes)
            throws IOException {
        if (!c.addressing().hasStatic()) {
            return;
        }
        for (String a : c.addresses()) {
            IpText.Prefixed p = IpText.prefixed(a);
            if (!present.contains(p.toString())) {
                rt.addAddress(bond.index(), p.address(), p.prefix());
            }
        }
        // Only a route of our own counts: one a DHCP client made may vanish with its lease.
        for (String g : c.gateways()) {
            String gw = Rtnetlink.text(IpText.address(g).getAddress());
            if (routes.stream().noneMatch(r -> r.isStatic() && r.metric() == STATIC_METRIC && r.gateway().equals(gw))) {
                rt.setDefaultRoute(bond.index(), IpText.address(g), STATIC_METRIC);
            }
        }
    }

    private static final int STATIC_METRIC = 100;

    /** Releases every port (left up, as plain interfaces) and deletes the bond, if there is one. */
    void tearDown(String bondName) throws IOException {
        List<Link> links = rt.links();
        Optional<Link> bond = links.stream().filter(l -> bondName.equals(l.name()) && l.isBond()).findFirst();
        if (bond.isEmpty()) {
            return;
        }
        for (Link l : links) {
            if (l.master() == bond.get().index()) {
                release(l.index());
            }
        }
        rt.delete(bond.get().index());
    }
}
