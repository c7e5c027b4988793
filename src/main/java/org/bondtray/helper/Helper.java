package org.bondtray.helper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.api.BondtrayBus;
import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.config.ConfigFile;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.dhcp.Lease;
import org.bondtray.helper.dns.SystemResolver;
import org.bondtray.helper.kernel.KernelEvents;
import org.bondtray.helper.kernel.Link;
import org.bondtray.net.NetSysfs;
import org.bondtray.helper.kernel.NetlinkException;
import org.bondtray.helper.kernel.RfkillEvents;
import org.bondtray.helper.kernel.Rtnetlink;
import org.bondtray.helper.takeover.Takeover;
import org.bondtray.helper.wifi.KeepingNetworks;
import org.bondtray.helper.wifi.WifiWatcher;

/**
 * The helper's core: holds what the user configured, watches the kernel, keeps the bond the way
 * {@link BondPolicy} says it should be, and tells the {@link Publisher}. Every change of state
 * happens on one worker thread, in order; the kernel's events only record their time and ask for
 * a look, so a burst of events costs one look.
 */
public final class Helper implements KernelEvents.Listener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Helper.class.getName());

    private final ConfigFile configFile;
    private final NetSysfs sysfs;
    private final Rtnetlink rt;
    private final KernelBond kernel;
    private final Dhcpcd dhcp;
    private final SystemResolver resolver;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("helper").daemon().unstarted(r));
    private final SwitchoverTracker tracker = new SwitchoverTracker();
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> carriers = new ConcurrentHashMap<>();
    private final Map<String, PortKind> kinds = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicBoolean changing = new AtomicBoolean();
    private final NetworkCheck network = new NetworkCheck(this::requestRefresh, this::wifiJudged, this::carrier);
    /** The Wi-Fi networks that reach the cable's network, which wpa_supplicant is to prefer. */
    private final WifiPreference preferred;
    /** The last Setup, until it is kept (confirmed, or the machine still reaches its gateway) or rolled back. */
    private final Probation probation = new Probation(this::deadlineReached);
    private final StandbyWindow standby = new StandbyWindow();
    /** Moves traffic off a port that lost its carrier before the kernel's next miimon tick. */
    private final FastFailover fastFailover = new FastFailover();
    /** The Wi-Fi network the active port is on, on the worker. */
    private final ActiveNetwork activeNetwork = new ActiveNetwork();
    /** When the worker last asked to look again for the standby window to shut (nanoTime). */
    private long standbyCheckAt;
    /** What last kept static addressing from being put in place, on the worker; "" if nothing. */
    private String addressingProblem = "";

    private Publisher publisher;
    private KernelEvents events;
    private RfkillEvents rfkill;
    private WifiWatcher wifi;
    private Takeover takeover;
    private AutoCloseable neighbour;
    private volatile BondConfig config;
    private volatile String configProblem = "";
    private volatile String unsupported;
    private volatile BondView view;

    public Helper(ConfigFile configFile, NetSysfs sysfs, Dhcpcd.Paths dhcpcd, Dhcpcd.Launcher launcher,
                  SystemResolver resolver) throws IOException {
        this.configFile = configFile;
        this.sysfs = sysfs;
        this.rt = new Rtnetlink();
        this.kernel = new KernelBond(rt);
        this.dhcp = new Dhcpcd(dhcpcd, launcher, this::requestRefresh);
        this.resolver = resolver;
        this.preferred = new WifiPreference(new KeepingNetworks(configFile.path().resolveSibling("keeping-networks")));
    }

    /** Loads the configuration, finds out what the kernel can do, adopts any bond as it is. */
    public void start(Publisher publisher, WifiWatcher wifi, Takeover takeover) throws IOException {
        this.publisher = publisher;
        this.wifi = wifi;
        this.takeover = takeover;
        ConfigFile.Loaded loaded = configFile.load();
        config = loaded.config().orElse(null);
        configProblem = loaded.problem();
        if (!configProblem.isEmpty()) {
            LOG.warning(configProblem);
        }
        unsupported = probeBonding();
        events = new KernelEvents(this);
        neighbour = takeover.followNetworkManager(this::networkManagerRestarted);
        rfkill = RfkillEvents.follow(Path.of("/dev/rfkill"), this::requestRefresh);
        call(() -> {
            reclaim();
            refresh();
            tracker.adopt(view.activePort());
            return null;
        });
    }

    public BondView view() {
        return view;
    }

    public String bondName() {
        return config != null ? config.bond() : BondtrayBus.DEFAULT_BOND;
    }

    /**
     * Whether this kernel can make bonds. The driver may not be loaded yet: creating a bond loads
     * it on demand, so a throwaway bond is made and removed to find out.
     */
    private String probeBonding() {
        if (sysfs.bondingLoaded()) {
            return null;
        }
        String probe = "bondtray-probe";
        try {
            rt.createBond(probe, new Rtnetlink.BondSettings(100, 0, 0, 1));
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

    // ---- operations, each on the worker thread, called from the bus --------------------------

    /** Runs {@code op} on the worker; a change refuses to start while another is being applied. */
    public <T> T change(Callable<T> op) {
        if (!changing.compareAndSet(false, true)) {
            throw Refusal.busy("another change is being applied; try again when it is done");
        }
        try {
            return call(op);
        } finally {
            changing.set(false);
        }
    }

    private <T> T call(Callable<T> op) {
        try {
            return worker.submit(op).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal r) {
                throw r;
            }
            LOG.log(Level.SEVERE, "operation failed", e.getCause());
            throw Refusal.failed(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.failed("interrupted");
        }
    }

    /** Creates or changes the bond to be {@code wanted}; refuses before touching anything if it cannot work. */
    public void setup(BondConfig wanted) throws IOException {
        if (unsupported != null) {
            throw Refusal.unsupported(unsupported);
        }
        List<PortFacts> facts = facts(rt.links());
        Optional<Link> existing = find(facts, wanted.bond());
        List<PortFacts> ports = SetupCheck.ports(wanted, facts, existing,
                port -> wifi == null ? -1 : wifi.networks(port), names);
        claim(ports);
        boolean created = existing.isEmpty();
        try {
            kernel.build(wanted, existing, config, facts, ports);
            takeover.leaveAlone(wanted.bond());
        } catch (NetlinkException e) {
            if (created) {
                kernel.tearDown(wanted.bond());
            }
            if (e.unsupported()) {
                throw Refusal.unsupported("the kernel refused to make a bond: " + e.getMessage());
            }
            throw Refusal.failed(e.rfkilled() ? "a radio is blocked by rfkill: " + e.getMessage() : e.getMessage());
        }
        configFile.save(wanted);
        config = wanted;
        configProblem = "";
        refresh();
    }

    /** Has NetworkManager let go of the ports (it would fight over their addresses otherwise). */
    private void claim(List<PortFacts> ports) {
        try {
            takeover.claim(ports.stream().map(f -> new Takeover.Port(f.name(), f.kind() == PortKind.WIRELESS)).toList(),
                    wifi);
        } catch (IOException e) {
            throw Refusal.failed(e.getMessage());
        }
    }

    /**
     * At start: NetworkManager forgets on restart (and on boot) that it let go of the ports, so
     * the configured bond's ports are claimed again before anything else.
     */
    private void reclaim() throws IOException {
        BondConfig c = config;
        if (c == null || unsupported != null) {
            return;
        }
        try {
            claim(PortMatcher.select(c.ports(), facts(rt.links()), c.bond()));
        } catch (Refusal e) {
            LOG.warning(e.getMessage());
        }
    }

    /**
     * Setup as a change on probation: if the machine reached its gateway before, and does not
     * {@code seconds} later while nobody called {@link #confirm()}, the previous configuration
     * comes back by itself (none: the bond is disabled). 0 seconds: no probation.
     */
    public void setup(BondConfig wanted, int seconds) throws IOException {
        boolean reaches = seconds > 0 && Connectivity.now(rt);
        BondConfig before = config;
        Probation.Change earlier = probation.current().orElse(null);
        setup(wanted);
        // The clock starts once the change is in place: applying it can take seconds.
        Optional<Probation.Change> next = Probation.next(before, earlier, reaches, seconds,
                System.currentTimeMillis() * 1000);
        probation.end();
        if (next.isPresent()) {
            probation.begin(next.get());
            LOG.info("change applied; kept unless the gateway is out of reach in " + seconds + " s with no Confirm");
            refresh();
        }
    }

    /** Keeps the change on probation. */
    public void confirm() throws IOException {
        if (probation.end().isEmpty()) {
            throw Refusal.notFound("no change is waiting to be confirmed");
        }
        LOG.info("change confirmed");
        refresh();
    }

    /**
     * At the deadline of a change on probation. The gateway is asked first, off the worker
     * (Verdict may take seconds while a switchover settles, and Switch or Confirm must still be
     * answered meanwhile); a Confirm or another Setup in that time settles it instead.
     */
    private void deadlineReached(long micros) {
        try {
            Optional<Probation.Change> due = probation.current().filter(c -> c.deadlineMicros() == micros);
            if (due.isEmpty()) {
                return;
            }
            BondConfig c = config;
            boolean answers;
            // A socket of its own: the worker's is not to be shared between threads.
            try (Rtnetlink own = new Rtnetlink()) {
                answers = Verdict.gatewayAnswers(() -> Connectivity.answersOnce(own), tracker::lastMoveNanos,
                        Verdict.patience(c == null ? 0 : c.downdelay()), Verdict.Clock.SYSTEM);
            }
            // Queued on the worker behind any change under way, not as a change of its own: a
            // user's Setup that comes meanwhile waits for the decision instead of being refused
            // as Busy (the lab's fallback step hit that, at the 20 s deadline of the one before).
            call(() -> {
                decide(micros, answers);
                return null;
            });
        } catch (Refusal failed) {
            LOG.log(Level.SEVERE, "deciding on the change on probation failed", failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // A scheduled task's exception would vanish without a trace.
            LOG.log(Level.SEVERE, "deciding on the change on probation failed", e);
        }
    }

    /** The change on probation is kept if a gateway {@code answers}, otherwise rolled back. */
    private void decide(long micros, boolean answers) throws IOException {
        Optional<Probation.Change> due = probation.due(micros);
        if (due.isEmpty()) {
            return;
        }
        Probation.Change p = due.get();
        if (answers) {
            LOG.info("a gateway still answers " + p.seconds() + " s after the change: it is kept");
            refresh();
            return;
        }
        String reason = "no gateway answered " + p.seconds() + " s after the change and nobody confirmed it; "
                + (p.previous() == null ? "the bond is gone again" : "the previous configuration is back");
        LOG.warning("rolling back: " + reason);
        try {
            if (p.previous() == null) {
                disable();
            } else {
                setup(p.previous());
            }
        } catch (IOException | RuntimeException e) {
            // Said to the bus here; logged once, by whoever called.
            publisher.rolledBack(reason + ", but putting it back failed: " + e.getMessage());
            throw e;
        }
        LOG.info("rolled back");
        publisher.rolledBack(reason);
    }

    /** Removes the bond and gives its ports back as plain interfaces, up. */
    public void disable() throws IOException {
        probation.end();
        BondConfig c = config;
        String name = c != null ? c.bond() : BondtrayBus.DEFAULT_BOND;
        // Release while the bond still carries traffic, so the server hears it.
        dhcp.release();
        resolver.withdraw(name);
        kernel.tearDown(name);
        takeover.giveBack(wifi);
        configFile.remove();
        config = null;
        refresh();
    }

    public void setPreference(Preference p) throws IOException {
        BondConfig c = requireConfig();
        BondConfig next = c.withPreference(p);
        configFile.save(next);
        config = next;
        tracker.expect("preference", System.nanoTime());
        standby.stir(System.nanoTime());
        refresh();
    }

    public void switchTo(String port) throws IOException {
        BondConfig c = requireConfig();
        List<PortFacts> facts = facts(rt.links());
        Link bond = find(facts, c.bond()).orElseThrow(() -> Refusal.failed(c.bond() + " does not exist; run setup again"));
        PortFacts f = facts.stream().filter(x -> x.name().equals(port)).findFirst()
                .orElseThrow(() -> Refusal.invalid("there is no network interface named " + port));
        if (f.link().master() != bond.index()) {
            throw Refusal.notFound(port + " is not a port of " + c.bond());
        }
        if (!f.rfkill().isEmpty()) {
            throw Refusal.rfkilled(port + " is blocked by rfkill (" + f.rfkill() + "); unblock the radio first");
        }
        if (!f.usable()) {
            throw Refusal.failed(port + " cannot carry traffic now: "
                    + BondPolicy.words(BondPolicy.port(f, bond).roleReason()));
        }
        if (bond.bond() != null && bond.bond().activePortIndex() == f.link().index()) {
            return;
        }
        tracker.expect("user-request", System.nanoTime());
        standby.stir(System.nanoTime());
        standbyDelivery(bond);
        try {
            rt.setActivePort(bond.index(), f.link().index());
        } catch (NetlinkException e) {
            throw Refusal.failed("the kernel refused to switch to " + port + ": " + e.getMessage());
        }
    }

    private BondConfig requireConfig() {
        BondConfig c = config;
        if (unsupported != null) {
            throw Refusal.unsupported(unsupported);
        }
        if (c == null) {
            throw Refusal.notFound("no bond is set up yet; run 'bondtray setup' first");
        }
        return c;
    }

    // ---- watching --------------------------------------------------------------------------------

    private void requestRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            onWorker("reading the kernel's state", () -> {
                refreshPending.set(false);
                refresh();
            });
        }
    }

    /**
     * Observe, plan, apply: reads the world once, has {@link Reconciler} decide what the bond
     * should be, carries that out and publishes the view.
     */
    private void refresh() throws IOException {
        List<Link> links = rt.links();
        links.forEach(l -> names.put(l.index(), l.name()));
        fastFailover.seed(links);
        List<PortFacts> facts = facts(links);
        facts.forEach(f -> kinds.put(f.name(), f.kind()));
        BondConfig c = config;
        String name = bondName();
        Optional<Link> bond = find(facts, name);
        Optional<BondView> without = Reconciler.without(name, c != null ? c.preference() : Preference.WIRED,
                unsupported, c, configProblem, bond.isPresent());
        BondView next = without.isPresent() ? without.get() : apply(c,
                new Reconciler.Look(facts, bond.get(), kernel.addresses(bond.get().index()), rt.routes(bond.get().index()),
                        dhcp.state()));
        // Switchovers come from the kernel's events alone, in the order the kernel sent them: a
        // dump taken here may already be stale and would report changes that did not happen.
        long since = tracker.activeSince();
        next = next.since(since < 0 || next.activePort().isEmpty() ? 0
                : System.currentTimeMillis() * 1000 - (System.nanoTime() - since) / 1000);
        next = next.withConfirmDeadline(probation.deadlineMicros());
        view = next;
        publisher.publish(next);
    }

    /** Carries out what {@link Reconciler#plan} asks of a bond that exists; returns its view. */
    private BondView apply(BondConfig c, Reconciler.Look look) throws IOException {
        Link b = look.bond();
        Reconciler.Plan plan = Reconciler.plan(c, look);
        standbyDelivery(b);
        for (Reconciler.Newcomer n : plan.newcomers()) {
            join(c, b, n);
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
        DhcpStatus dhcpStatus = DhcpStatus.OFF;
        Lease lease = Lease.NONE;
        if (c.addressing() != Addressing.STATIC) {
            lease = dhcp.lease(c.bond());
            dhcpStatus = DhcpStatus.of(dhcp.state(), lease, c.fallback(), look.addresses());
            if (dhcpStatus.fallingBack()) {
                lease = Lease.NONE;
            }
        }
        List<String> dns = Reconciler.dns(c, lease);
        resolver.apply(c.bond(), dns, lease.domains());
        network.consider(IpText.firstIpv4(plan.gateways()), plan.checked());
        followActiveNetwork(c, b, look.facts());
        if (wifi != null) {
            preferred.apply(wifi, b, look.facts());
        }
        return Reconciler.view(c, look, plan, dns).withDhcp(dhcpStatus).withNetwork(network.verdict())
                .withKeeping(preferred.keeping());
    }

    /** A newcomer joins the bond, or is readied to (see {@link Reconciler.Newcomer}). */
    private void join(BondConfig c, Link bond, Reconciler.Newcomer n) {
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

    /** A verdict on a Wi-Fi network (see {@link NetworkCheck.Judged}), remembered on the worker. */
    private void wifiJudged(String cableGatewayMac, String wifiNetwork, boolean same) {
        onWorker("remembering whether " + wifiNetwork + " keeps connections", () -> {
            if (preferred.judged(cableGatewayMac, wifiNetwork, same)) {
                requestRefresh();
            }
        });
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
    private void standbyDelivery(Link bond) throws IOException {
        long now = System.nanoTime();
        boolean open = standby.open(now, network.verdict());
        if (bond.bond() != null && bond.bond().allPortsDeliver() != open) {
            rt.setStandbyDelivers(bond.index(), open);
        }
        long shutAt = now + standby.remainingNanos(now);
        if (open && shutAt != standbyCheckAt) {
            standbyCheckAt = shutAt;
            CompletableFuture.delayedExecutor(shutAt - now + 50_000_000L, TimeUnit.NANOSECONDS)
                    .execute(this::requestRefresh);
        }
    }

    private boolean carrier(String port) {
        return sysfs.carrier(port);
    }

    private PortKind kindOf(String port) {
        return kinds.getOrDefault(port, PortKind.WIRED);
    }

    private static Optional<Link> find(List<PortFacts> facts, String name) {
        return facts.stream().map(PortFacts::link).filter(l -> name.equals(l.name()) && l.isBond()).findFirst();
    }

    private List<PortFacts> facts(List<Link> links) {
        List<PortFacts> out = new ArrayList<>();
        for (Link l : links) {
            boolean wireless = sysfs.wireless(l.name());
            PortKind kind = wireless ? PortKind.WIRELESS
                    : l.arpType() == Link.ARPHRD_ETHER && (l.kind() == null || "veth".equals(l.kind())) ? PortKind.WIRED
                    : PortKind.OTHER;
            out.add(new PortFacts(l, kind, sysfs.physical(l.name()), wireless ? 0 : sysfs.speedMbps(l.name()),
                    wireless ? sysfs.rfkillBlock(l.name()) : "",
                    wireless && wifi != null ? wifi.info(l.name()) : WifiInfo.NONE));
        }
        return out;
    }

    // ---- kernel events (events thread) -----------------------------------------------------------

    @Override
    public void linkChanged(Link link, long receivedNanos) {
        // First: every millisecond here is one the traffic goes nowhere.
        BondConfig c = config;
        if (unsupported == null) {
            fastFailover.linkChanged(link, c == null ? "" : c.bond(), c == null ? Preference.WIRED : c.preference(),
                    this::kindOf, sysfs).ifPresent(p -> LOG.info(link.name() + " lost its carrier: asked the kernel to make "
                    + p + " active at once, ahead of the bond's own link check"));
        }
        names.put(link.index(), link.name());
        Boolean before = carriers.put(link.index(), link.carrier());
        if (before != null && before != link.carrier()) {
            tracker.carrier(link.name(), link.carrier(), receivedNanos);
            if (link.carrier() && link.master() != 0 && bondName().equals(names.get(link.master()))) {
                // A port of the bond came up: the kernel may make it active after updelay.
                standby.stir(receivedNanos);
            }
        }
        if (link.isBond() && link.name().equals(bondName()) && link.bond() != null && config != null) {
            int active = link.bond().activePortIndex();
            String port = active == 0 ? "" : names.getOrDefault(active, "");
            String last = tracker.lastCarrying();
            if (!last.isEmpty() && !last.equals(port) && !sysfs.carrier(last)) {
                tracker.carrierLostIfUnknown(last, receivedNanos);
            }
            tracker.activeIs(port, receivedNanos, this::kindOf).ifPresent(s -> {
                standby.stir(receivedNanos);
                publisher.switchover(s);
                if (!s.to().isEmpty()) {
                    if (network.switchoverMayChangeNetwork()) {
                        // The ports were on different networks: the lease's server is behind the other one.
                        dhcp.networkChanged();
                    } else {
                        // fail_over_mac=active: the bond took the new port's MAC.
                        dhcp.macChanged();
                    }
                }
            });
        }
        requestRefresh();
    }

    @Override
    public void linkRemoved(int index, String name, long receivedNanos) {
        tracker.removed(name, receivedNanos);
        carriers.remove(index);
        fastFailover.removed(index);
        requestRefresh();
    }

    @Override
    public void addressingChanged() {
        requestRefresh();
    }

    /** Events were lost: the state is read again and the active port taken from the dump. */
    @Override
    public void resync() {
        onWorker("reading the kernel's state after losing events", () -> {
            refresh();
            tracker.activeIs(view.activePort(), System.nanoTime(), this::kindOf).ifPresent(publisher::switchover);
        });
    }

    /**
     * logind says the machine goes to sleep ({@code start}) or woke up. While it slept the lease
     * may have run out (dhcpcd's timers do not count the sleep), the cable may have been pulled
     * or plugged in, and the Wi-Fi may be back on another access point or network: so after a
     * wake-up every port is looked at again, the same-network verdict is asked anew, and a new
     * dhcpcd asks for the lease again (the server's ACK, or its NAK and a new lease). A move to
     * another network found on the way starts one as at any switchover.
     */
    public void sleeping(boolean start) {
        if (start) {
            LOG.info("the machine goes to sleep");
            return;
        }
        onWorker("looking again after a wake-up", () -> {
            BondConfig c = config;
            if (c == null || unsupported != null) {
                return;
            }
            LOG.info("the machine woke up: the ports, the lease and the same-network verdict are checked again");
            network.askAgain();
            if (c.addressing() != Addressing.STATIC) {
                dhcp.wokeUp();
            }
            refresh();
        });
    }

    /** wpa_supplicant changed a state: look again (a Wi-Fi port may have become ready). */
    public void wifiChanged() {
        requestRefresh();
    }

    /**
     * wpa_supplicant came (back) on the bus: a restart drops every interface it had, and a Wi-Fi
     * port it does not manage never associates. Each of the bond's Wi-Fi ports is handed to it
     * again with the helper's networks file, so the standby is ready again by itself.
     */
    public void wifiRestarted() {
        onWorker("handing the Wi-Fi ports to wpa_supplicant again", () -> {
            preferred.forget();
            BondConfig c = config;
            if (c == null || unsupported != null || wifi == null) {
                return;
            }
            for (PortFacts f : PortMatcher.select(c.ports(), facts(rt.links()), c.bond())) {
                if (f.kind() == PortKind.WIRELESS && f.rfkill().isEmpty() && wifi.handOver(f.name(), f.link().index())) {
                    LOG.info("wpa_supplicant is back: " + f.name() + " is handed to it again");
                }
            }
            refresh();
        });
    }

    /**
     * NetworkManager came (back) on the bus. Its per-boot configuration kept the ports from it
     * (see Takeover); what it may have forgotten besides is said again. The bond it assumes as
     * "connected (externally)", which keeps the desktop online.
     */
    public void networkManagerRestarted() {
        onWorker("claiming the ports from NetworkManager again", () -> {
            BondConfig c = config;
            if (c == null || unsupported != null) {
                return;
            }
            LOG.info("NetworkManager is on the bus anew: the ports of " + c.bond() + " are claimed again");
            reclaim();
            takeover.leaveAlone(c.bond());
            refresh();
        });
    }

    private interface Work {
        void run() throws IOException;
    }

    /**
     * {@code work} on the worker, in order with every other look and change; a failure is logged
     * as {@code what} failing.
     */
    private void onWorker(String what, Work work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed", e);
            }
        });
    }

    @Override
    public void close() throws Exception {
        if (events != null) {
            events.close();
        }
        if (rfkill != null) {
            rfkill.close();
        }
        if (neighbour != null) {
            neighbour.close();
        }
        worker.shutdownNow();
        probation.close();
        network.close();
        dhcp.close();
        fastFailover.close();
        rt.close();
    }
}
