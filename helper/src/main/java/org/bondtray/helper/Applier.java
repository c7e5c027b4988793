package org.bondtray.helper;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.dhcp.DhcpcdConfig;
import org.bondtray.helper.dhcp.Lease;
import org.bondtray.helper.dns.SystemResolver;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.kernel.NetlinkException;
import org.bondtray.helper.wifi.WifiWatcher;

/**
 * The apply step of a look: carries a {@link Reconciler.Plan} out through the kernel,
 * wpa_supplicant, dhcpcd and the resolver, in the order that works, on the worker. The
 * decisions are made before; what is left here is how, and what failed.
 */
final class Applier {
    private static final Logger LOG = Logger.getLogger(Applier.class.getName());

    private final Kernel rt;
    private final KernelBond kernel;
    private final Dhcpcd dhcp;
    /** dhcpcd on a backup port on another network, holding that network's lease (see {@link Reconciler#leaseAhead}). */
    private final Dhcpcd leaseAhead;
    private final SystemResolver resolver;
    private final NetworkCheck network;
    private final StandbyWindow standby;
    private final SwitchoverTracker tracker;
    private final WifiPreference preferred;
    private final Runnable requestRefresh;
    private final Worker worker;
    /** The Wi-Fi network the active port is on. */
    private final ActiveNetwork activeNetwork = new ActiveNetwork();
    /** When a look was last asked for, for the standby window to shut (nanoTime). */
    private long standbyCheckAt;
    /** What last kept static addressing from being put in place; "" if nothing. */
    private String addressingProblem = "";

    Applier(Kernel rt, KernelBond kernel, Dhcpcd dhcp, Dhcpcd leaseAhead, SystemResolver resolver, NetworkCheck network,
            StandbyWindow standby, SwitchoverTracker tracker, WifiPreference preferred, Runnable requestRefresh,
            Worker worker) {
        this.rt = rt;
        this.kernel = kernel;
        this.dhcp = dhcp;
        this.leaseAhead = leaseAhead;
        this.resolver = resolver;
        this.network = network;
        this.standby = standby;
        this.tracker = tracker;
        this.preferred = preferred;
        this.requestRefresh = requestRefresh;
        this.worker = worker;
    }

    /** Carries out what {@link Reconciler#plan} asks of a bond that exists; returns its view. */
    BondView apply(BondConfig c, Reconciler.Look look, WifiWatcher wifi) throws IOException {
        Link b = look.bond();
        Reconciler.Plan plan = Reconciler.plan(c, look);
        standbyDelivery(b);
        for (Reconciler.Newcomer n : plan.newcomers()) {
            join(c, b, n, wifi);
        }
        if (plan.primary() >= 0) {
            if (plan.primaryWireless()) {
                tracker.expect("wifi-ready", System.nanoTime());
            }
            rt.setPrimary(b.index(), plan.primary());
        }
        try {
            // Its own change comes back as an event and a fresh look.
            kernel.staticAddressing(b, c, look.addresses(), look.routes());
            addressingProblem = "";
        } catch (NetlinkException e) {
            // Retried on every look (a gateway becomes reachable when a lease comes); said once.
            if (!e.getMessage().equals(addressingProblem)) {
                addressingProblem = e.getMessage();
                LOG.warning("static addressing of " + c.bond() + " not in place yet: " + e.getMessage());
            }
        }
        switch (plan.dhcp()) {
            case RUN -> dhcp.ensure(c.bond(), Reconciler.dhcpcdConfig(c));
            case STOP -> dhcp.releaseLater();
            case LEAVE -> {
            }
        }
        // The check first: a port that joined another Wi-Fi network makes its verdict unknown,
        // and no lease is taken ahead on the strength of the network it left.
        network.consider(IpText.firstIpv4(plan.gateways()), plan.checked());
        Reconciler.leaseAhead(c, look, network.verdict()).ifPresentOrElse(
                port -> leaseAhead.ensure(port, DhcpcdConfig.standbyText(c.bond(), port)), leaseAhead::stopLater);
        DhcpStatus dhcpStatus = DhcpStatus.OFF;
        Lease lease = Lease.NONE;
        if (c.addressing() != Addressing.STATIC) {
            lease = dhcp.lease(c.bond());
            dropLeftBehind(b, dhcp.leftBehind(lease), look.addresses());
            dhcpStatus = DhcpStatus.of(dhcp.state(), lease, c.fallback(), look.addresses());
            if (dhcpStatus.fallingBack()) {
                lease = Lease.NONE;
            }
        }
        List<String> dns = Reconciler.dns(c, lease);
        resolver.apply(c.bond(), dns, lease.domains());
        followActiveNetwork(c, b, look.facts());
        if (wifi != null) {
            preferred.apply(wifi, b, look.facts());
        }
        return Reconciler.view(c, look, plan, dns).withDhcp(dhcpStatus).withNetwork(network.verdict())
                .withKeeping(preferred.keeping());
    }

    /**
     * Takes the addresses of the network the bond left off it, once the new network's lease is in
     * (see {@link Dhcpcd#leftBehind} and {@link LeftNetwork#toTakeOff}): their routes and their
     * source addresses lead nowhere now.
     */
    private void dropLeftBehind(Link bond, List<String> gone, List<String> addresses) {
        if (gone.isEmpty()) {
            return;
        }
        List<Kernel.Route> routes6 = List.of();
        try {
            routes6 = rt.routes6(bond.index());
        } catch (IOException e) {
            LOG.warning("could not read the IPv6 routes of " + bond.name() + ": " + e.getMessage());
        }
        for (IpText.Prefixed p : LeftNetwork.toTakeOff(gone, addresses, routes6)) {
            try {
                rt.deleteAddress(bond.index(), p.address(), p.prefix());
                LOG.info("took " + p + ", an address of the network " + bond.name() + " left, off it");
            } catch (IOException e) {
                LOG.warning("could not take " + p + ", an address of the network " + bond.name() + " left, off it: "
                        + e.getMessage());
            }
        }
    }

    /** A newcomer joins the bond, or is readied to (see {@link Reconciler.Newcomer}). */
    private void join(BondConfig c, Link bond, Reconciler.Newcomer n, WifiWatcher wifi) {
        PortFacts f = n.port();
        try {
            if (n.handOver() && wifi != null) {
                wifi.handOver(f.name(), f.link().index());
            }
            if (n.bringUp()) {
                rt.setUp(f.link().index(), true);
                LOG.info("brought " + f.name() + " up so wpa_supplicant can associate it");
            }
            if (n.enslave()) {
                kernel.enslave(bond, f);
                LOG.info(f.name() + " joined " + c.bond());
            }
        } catch (IOException e) {
            LOG.warning(f.name() + " could not join " + c.bond() + ": " + e.getMessage());
        }
    }

    /** A new dhcpcd asks the network the active Wi-Fi port joined without a switchover. */
    private void followActiveNetwork(BondConfig c, Link bond, List<PortFacts> facts) {
        int index = bond.bond() == null ? 0 : bond.bond().activePortIndex();
        Optional<PortFacts> active = facts.stream().filter(f -> index != 0 && f.link().index() == index).findFirst();
        String ssid = active.filter(f -> f.kind() == PortKind.WIRELESS).map(f -> f.wifi().ssid()).orElse("");
        if (activeNetwork.joinedAnother(active.map(PortFacts::name).orElse(""), ssid)
                && c.addressing() != Addressing.STATIC) {
            LOG.info(active.get().name() + " joined another Wi-Fi network, " + ssid);
            dhcp.networkChanged();
        }
    }

    /**
     * Lets the standby port deliver while {@link StandbyWindow} says so, and looks again when the
     * window is due to shut.
     */
    void standbyDelivery(Link bond) throws IOException {
        long now = System.nanoTime();
        boolean open = standby.open(now, network.verdict());
        if (bond.bond() != null && bond.bond().allPortsDeliver() != open) {
            rt.setStandbyDelivers(bond.index(), open);
        }
        long shutAt = now + standby.remainingNanos(now);
        if (open && shutAt != standbyCheckAt) {
            standbyCheckAt = shutAt;
            worker.schedule("shutting the standby window", shutAt - now + 50_000_000L, requestRefresh::run);
        }
    }

    /** Switch: {@code port} of {@code bond} carries the traffic now, as the user asked. */
    void makeActive(Link bond, PortFacts port) throws IOException {
        tracker.expect("user-request", System.nanoTime());
        standby.stir(System.nanoTime());
        standbyDelivery(bond);
        try {
            rt.setActivePort(bond.index(), port.link().index());
        } catch (NetlinkException e) {
            throw Refusal.failed("the kernel refused to switch to " + port.name() + ": " + e.getMessage());
        }
    }

    /** wpa_supplicant is back: each Wi-Fi port among {@code ports} that is not blocked is handed to it again. */
    void handOverAgain(List<PortFacts> ports, WifiWatcher wifi) {
        for (PortFacts f : ports) {
            if (f.kind() == PortKind.WIRELESS && f.rfkill().isEmpty() && wifi.handOver(f.name(), f.link().index())) {
                LOG.info("wpa_supplicant is back: " + f.name() + " is handed to it again");
            }
        }
    }
}
