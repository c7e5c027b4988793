package org.bondtray.helper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.kernel.NetlinkException;
import org.bondtray.helper.kernel.Rtnetlink;

/** How a bond is made so: the kernel steps for the helper's decisions, in the order that works. */
final class KernelBond {
    /**
     * Peers learn the bond's new MAC from gratuitous ARPs / unsolicited NAs: two per switchover,
     * a link-monitor tick apart. The kernel may use up a single one without sending it (one
     * deferred to the link monitor is counted even when the monitor cannot take the RTNL lock),
     * and the router then kept the old MAC for seconds in the lab; the second costs a broadcast.
     */
    private static final int PEER_NOTIFICATIONS = 2;

    private final Kernel rt;

    KernelBond(Kernel rt) {
        this.rt = rt;
    }

    /**
     * Whether this kernel can make bonds. The driver may not be loaded yet: creating a bond loads
     * it on demand, so a throwaway bond is made and removed to find out. Null if it can, else
     * why it cannot.
     */
    String unsupported(boolean driverLoaded) {
        if (driverLoaded) {
            return null;
        }
        String probe = "bondtray-probe";
        try {
            rt.createBond(probe, new Kernel.BondSettings(100, 0, 0, 1));
            Optional<Link> made = rt.link(probe);
            if (made.isPresent()) {
                rt.delete(made.get().index());
            }
            return null;
        } catch (NetlinkException e) {
            if (e.unsupported()) {
                return "this kernel has no bonding driver (" + e.getMessage() + ")";
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    static Kernel.BondSettings settings(BondConfig c) {
        return new Kernel.BondSettings(c.miimon(), c.updelay(), c.downdelay(), PEER_NOTIFICATIONS);
    }

    /** The bond, created if missing, with the configured timers. */
    private Link ensure(BondConfig c, Optional<Link> existing) throws IOException {
        if (existing.isPresent()) {
            rt.setBondTimers(existing.get().index(), settings(c));
            return existing.get();
        }
        rt.createBond(c.bond(), settings(c));
        return rt.link(c.bond()).orElseThrow(() -> new IOException(c.bond() + " vanished right after it was made"));
    }

    /**
     * Makes the bond {@code wanted} says, with {@code ports} (chosen among {@code all}, the
     * interfaces as they are): created or changed, the ports it no longer wants released, the
     * static addressing of {@code before} (null: none) withdrawn where {@code wanted} differs.
     */
    Link build(BondConfig wanted, Optional<Link> existing, BondConfig before, List<PortFacts> all,
               List<PortFacts> ports) throws IOException {
        Link bond = ensure(wanted, existing);
        releaseAllBut(bond, all, ports);
        // Wired first: it carries traffic while Wi-Fi re-associates after being enslaved.
        List<PortFacts> ordered = new ArrayList<>(ports);
        ordered.sort(Comparator.comparing(f -> f.kind() != PortKind.WIRED));
        for (PortFacts f : ordered) {
            if (f.link().master() != bond.index() && f.rfkill().isEmpty()) {
                enslave(bond, f);
            }
        }
        int primary = BondPolicy.primary(wanted, ports).map(f -> f.link().index()).orElse(0);
        rt.setPrimary(bond.index(), primary);
        rt.setUp(bond.index(), true);
        // One look serves both: what is withdrawn is what the new configuration does not want.
        List<String> present = addresses(bond.index());
        List<Kernel.Route> routes = rt.routes(bond.index());
        if (before != null && existing.isPresent()) {
            withdrawStatic(bond, before, wanted, present, routes);
        }
        staticAddressing(bond, wanted, present, routes);
        return bond;
    }

    /** The addresses on interface {@code index}, as the kernel shows them ("192.168.1.7/24"). */
    List<String> addresses(int index) throws IOException {
        return rt.addresses(index).stream().map(Kernel.Address::text).toList();
    }

    /** Releases ports of {@code bond} that are not wanted any more. */
    private void releaseAllBut(Link bond, List<PortFacts> all, List<PortFacts> wanted) throws IOException {
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
        // An address left on a port (a network manager's, from before it let go) would keep a
        // route through the port itself, around the bond.
        for (Kernel.Address a : rt.addresses(port.link().index())) {
            IpText.Prefixed p = IpText.prefixed(a.text());
            rt.deleteAddress(port.link().index(), p.address(), p.prefix());
        }
        rt.setUp(port.link().index(), false);
        rt.setMaster(port.link().index(), bond.index());
    }

    private void release(int index) throws IOException {
        rt.setMaster(index, 0);
        rt.setUp(index, true);
    }

    /**
     * The configured static addresses, default routes and routes on the bond, added where missing
     * from what the caller read ({@code present}, {@code routes}). Addresses and default routes
     * only with static addressing; routes with any, once their gateway is reachable.
     */
    void staticAddressing(Link bond, BondConfig c, List<String> present, List<Kernel.Route> routes)
            throws IOException {
        int metric = c.staticMetric();
        if (c.addressing().hasStatic()) {
            for (String a : c.addresses()) {
                IpText.Prefixed p = IpText.prefixed(a);
                if (!present.contains(p.toString())) {
                    rt.addAddress(bond.index(), p.address(), p.prefix());
                }
            }
            for (String g : c.gateways()) {
                java.net.InetAddress gw = IpText.address(g);
                if (!has(routes, "", Rtnetlink.text(gw.getAddress()), metric)) {
                    rt.setDefaultRoute(bond.index(), gw, metric);
                }
            }
        }
        for (String text : c.routes()) {
            IpText.Route r = IpText.route(text);
            String gw = Rtnetlink.text(r.gateway().getAddress());
            if (!has(routes, r.destination().toString(), gw, metric)) {
                rt.setRoute(bond.index(), r.destination().address(), r.destination().prefix(), r.gateway(), metric);
            }
        }
    }

    /**
     * Takes off the bond what the helper put there for {@code old} and {@code now} no longer
     * wants: static addresses, default routes and routes (a change from static to DHCP, a
     * gateway or a metric that changed). Only what is there ({@code present}, {@code routes}).
     */
    private void withdrawStatic(Link bond, BondConfig old, BondConfig now, List<String> present, List<Kernel.Route> routes)
            throws IOException {
        List<String> keep = now.addressing().hasStatic() ? now.addresses() : List.of();
        List<String> keepGateways = now.addressing().hasStatic() ? now.gateways() : List.of();
        // Routes first: taking an address off drops the routes through its network with it.
        for (String text : old.routes()) {
            IpText.Route r = IpText.route(text);
            String gw = Rtnetlink.text(r.gateway().getAddress());
            boolean wanted = now.routes().contains(text) && now.staticMetric() == old.staticMetric();
            if (!wanted && has(routes, r.destination().toString(), gw, old.staticMetric())) {
                rt.deleteRoute(bond.index(), r.destination().address(), r.destination().prefix(), r.gateway(),
                        old.staticMetric());
            }
        }
        if (!old.addressing().hasStatic()) {
            return;
        }
        for (String g : old.gateways()) {
            java.net.InetAddress gw = IpText.address(g);
            boolean wanted = keepGateways.contains(g) && now.staticMetric() == old.staticMetric();
            if (!wanted && has(routes, "", Rtnetlink.text(gw.getAddress()), old.staticMetric())) {
                rt.deleteRoute(bond.index(), null, 0, gw, old.staticMetric());
            }
        }
        for (String a : old.addresses()) {
            IpText.Prefixed p = IpText.prefixed(a);
            if (present.contains(p.toString()) && keep.stream().noneMatch(k -> IpText.prefixed(k).equals(p))) {
                rt.deleteAddress(bond.index(), p.address(), p.prefix());
            }
        }
    }

    /** Only a route of our own counts: one a DHCP client made may vanish with its lease. */
    private static boolean has(List<Kernel.Route> routes, String destination, String gateway, int metric) {
        return routes.stream().anyMatch(r -> r.isStatic() && r.metric() == metric
                && r.destination().equals(destination) && r.gateway().equals(gateway));
    }

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
