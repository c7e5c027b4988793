package org.bondtray.helper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bondtray.api.BondState;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.dhcp.DhcpcdConfig;
import org.bondtray.helper.dhcp.Lease;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;
import org.bondtray.wpa.Wpa;

/**
 * What one look at the world asks of the bond, decided without I/O. {@code Helper.reconcile}
 * observes (a {@link Look}), asks {@link #plan} and carries the {@link Plan} out through the
 * kernel, wpa_supplicant, dhcpcd and the resolver; everything a user could argue with (which
 * adapter joins, which port leads, whether dhcpcd runs, what the view says) is decided here and
 * unit-tested from facts.
 */
final class Reconciler {
    private Reconciler() {
    }

    /**
     * The world at one moment, as far as a bond that exists is concerned.
     *
     * @param facts     every interface, read once
     * @param bond      the bond's own link
     * @param addresses the bond's addresses (CIDR)
     * @param routes    the bond's routes
     * @param dhcpState dhcpcd's state before this look ("off" if it does not run)
     */
    record Look(List<PortFacts> facts, Link bond, List<String> addresses, List<Kernel.Route> routes,
                String dhcpState) {
        boolean carrying() {
            return bond.bond() != null && bond.bond().activePortIndex() != 0;
        }
    }

    /** What dhcpcd is to do in this look. */
    enum Dhcp {
        /** Run it (start it if it is not running, or give it a changed configuration). */
        RUN,
        /** Static addressing now: let it go, releasing the lease. */
        STOP,
        /** Nothing: it is off and the bond carries nothing yet, or addressing is static and it is off. */
        LEAVE
    }

    /**
     * An adapter the configuration names that is in no bond, and what to do with it now.
     *
     * @param handOver a Wi-Fi adapter nobody manages: give it to wpa_supplicant
     * @param bringUp  a Wi-Fi adapter that is down: up, or wpa_supplicant cannot even scan
     * @param enslave  ready to carry traffic: it joins the bond
     */
    record Newcomer(PortFacts port, boolean handOver, boolean bringUp, boolean enslave) {
    }

    /**
     * One look's decisions.
     *
     * @param configured       the bond's ports: what the configuration names, then any other port
     * @param missing          configured names that match no adapter (patterns wait silently)
     * @param newcomers        adapters that are to join, or to be readied for joining
     * @param primary          the index the bond's primary is to become (0: none); -1 leaves it
     * @param primaryWireless  whether that new primary is a Wi-Fi port
     * @param dhcp             what dhcpcd is to do
     * @param gateways         the bond's default gateways, each once
     * @param checked          the ports the same-network check is to look at
     */
    record Plan(List<PortFacts> configured, List<String> missing, List<Newcomer> newcomers, int primary,
                boolean primaryWireless, Dhcp dhcp, List<String> gateways, List<NetworkCheck.Port> checked) {
    }

    /**
     * The view when there is no bond to reconcile: the kernel cannot make one, none is configured
     * (or the configuration could not be read), or the configured one is gone. Empty when there
     * is one.
     */
    static Optional<BondView> without(String name, String unsupported, BondConfig config, String configProblem,
                                      boolean bondExists) {
        Preference preference = config != null ? config.preference() : Preference.WIRED;
        if (unsupported != null) {
            return Optional.of(bare(name, BondState.UNSUPPORTED, unsupported, preference));
        }
        if (config == null) {
            return Optional.of(bare(name, BondState.UNCONFIGURED,
                    configProblem.isEmpty() ? "no bond set up; run 'bondtray setup'" : configProblem, preference));
        }
        if (!bondExists) {
            return Optional.of(bare(name, BondState.ERROR,
                    name + " does not exist; run 'bondtray setup' to create it again", preference));
        }
        return Optional.empty();
    }

    private static BondView bare(String name, BondState state, String reason, Preference preference) {
        return new BondView(name, state, reason, preference, "", 0, List.of(), List.of(), List.of(), List.of(),
                DhcpStatus.OFF, SameNetwork.UNKNOWN, 0, List.of());
    }

    /** The active port of the bond {@code name} among {@code links}, a dump; "" if none. */
    static String activePort(List<Link> links, String name) {
        return links.stream().filter(l -> l.isBond() && l.name().equals(name) && l.bond() != null)
                .map(l -> l.bond().activePortIndex()).filter(i -> i != 0)
                .flatMap(i -> links.stream().filter(l -> l.index() == i)).map(Link::name).findFirst().orElse("");
    }

    static Plan plan(BondConfig c, Look look) {
        Link b = look.bond();
        List<PortFacts> configured = new ArrayList<>(PortMatcher.select(c.ports(), look.facts(), c.bond()));
        look.facts().stream().filter(f -> f.link().master() == b.index() && !configured.contains(f))
                .forEach(configured::add);
        // A pattern that matches nothing is no missing adapter: it waits for one to appear.
        List<String> missing = PortMatcher.unmatched(c.ports(), configured).stream()
                .filter(spec -> !spec.contains("*") && !spec.contains("?")).toList();
        Optional<PortFacts> want = BondPolicy.primary(c, configured);
        int wantIndex = want.map(f -> f.link().index()).orElse(0);
        int have = b.bond() == null ? 0 : b.bond().primaryIndex();
        Dhcp dhcp;
        if (c.addressing() != Addressing.STATIC) {
            // dhcpcd starts once a port carries traffic: before that its first DISCOVER is lost
            // and it backs off for seconds.
            dhcp = look.carrying() || !look.dhcpState().equals("off") ? Dhcp.RUN : Dhcp.LEAVE;
        } else {
            dhcp = look.dhcpState().equals("off") ? Dhcp.LEAVE : Dhcp.STOP;
        }
        List<String> gateways = look.routes().stream().filter(Kernel.Route::isDefault)
                .map(Kernel.Route::gateway).distinct().toList();
        List<NetworkCheck.Port> checked = look.facts().stream().filter(f -> f.link().master() == b.index())
                .map(f -> new NetworkCheck.Port(f.name(), f.link().index(), f.link().mac(),
                        f.kind() == PortKind.WIRELESS ? f.wifi().ssid() : "", f.usable()))
                .toList();
        return new Plan(configured, missing, newcomers(c, look.facts()), wantIndex == have ? -1 : wantIndex,
                want.filter(f -> wantIndex != have && f.kind() == PortKind.WIRELESS).isPresent(), dhcp, gateways,
                checked);
    }

    /**
     * The backup port whose network the bond would land on if the active port went, when that is
     * another network than the lease's (the same-network check said so): a dhcpcd there takes that
     * network's lease ahead of time, under the bond's client identity, so that a walk away from the
     * cable finds a server that knows the laptop ({@link DhcpcdConfig#standbyText}). None with
     * static addressing (the address is the user's, wherever the laptop is), while the ports share
     * a network or that is not known, or while no backup port is ready.
     */
    static Optional<String> leaseAhead(BondConfig c, Look look, SameNetwork verdict) {
        if (c.addressing() == Addressing.STATIC || verdict != SameNetwork.DIFFERENT || !look.carrying()) {
            return Optional.empty();
        }
        int active = look.bond().bond().activePortIndex();
        return look.facts().stream()
                .filter(f -> f.link().master() == look.bond().index() && f.link().index() != active && f.usable())
                .map(PortFacts::name).findFirst();
    }

    /**
     * Adapters the configuration names that are in no bond (plugged in after setup, or a radio
     * that was blocked at setup) join: wired ones at once, Wi-Fi ones once wpa_supplicant has
     * associated them, because enslaving takes a port down and an adapter that never associated
     * would only hide why it cannot carry traffic. A Wi-Fi adapter nobody manages is handed to
     * wpa_supplicant first, and one that is down (back from another namespace, or replugged) is
     * brought up: wpa_supplicant does not. Adapters the configuration does not name, and blocked
     * radios, are left alone.
     */
    private static List<Newcomer> newcomers(BondConfig c, List<PortFacts> facts) {
        List<Newcomer> out = new ArrayList<>();
        for (PortFacts f : PortMatcher.select(c.ports(), facts, c.bond())) {
            if (f.link().master() != 0 || !f.rfkill().isEmpty()) {
                continue;
            }
            if (f.kind() == PortKind.WIRELESS && !Wpa.STATE_COMPLETED.equals(f.wifi().state())) {
                out.add(new Newcomer(f, f.wifi().state().isEmpty(), !f.link().up(), false));
            } else {
                out.add(new Newcomer(f, false, false, true));
            }
        }
        return out;
    }

    /**
     * dhcpcd's configuration for the bond. When no server answers it takes the configured
     * fallback address, and the configured IPv4 gateway and DNS go with it.
     */
    static String dhcpcdConfig(BondConfig c) {
        DhcpcdConfig.Fallback fallback = c.fallback().isEmpty() ? DhcpcdConfig.Fallback.NONE
                : new DhcpcdConfig.Fallback(c.fallback(), IpText.firstIpv4(c.gateways()), c.dns());
        return DhcpcdConfig.text(c.bond(), c.routeMetric(), fallback);
    }

    /** The resolvers: the configured ones first, then the lease's that are not among them. */
    static List<String> dns(BondConfig c, Lease lease) {
        List<String> dns = new ArrayList<>(c.dns());
        lease.dns().stream().filter(d -> !dns.contains(d)).forEach(dns::add);
        return dns;
    }

    /** The view of a bond that exists, once the plan is carried out. */
    static BondView view(BondConfig c, Look look, Plan plan, List<String> dns) {
        return BondPolicy.view(c.bond(), c.preference(), look.bond(), plan.configured(), plan.missing(),
                look.addresses(), plan.gateways(), dns);
    }
}
