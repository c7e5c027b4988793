package org.bondtray.helper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import org.bondtray.api.BondtrayBus;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.config.ConfigFile;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.dns.SystemResolver;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.kernel.NetlinkException;
import org.bondtray.helper.kernel.RfkillEvents;
import org.bondtray.net.NetSysfs;
import org.bondtray.helper.takeover.Takeover;
import org.bondtray.helper.wifi.KeepingNetworks;
import org.bondtray.helper.wifi.WifiWatcher;

/**
 * The helper's core: holds what the user configured and keeps the bond the way it should be.
 * Its state belongs to one {@link Worker}: every look, change and timer runs there, in order.
 * A look observes the world once, {@link Reconciler} plans, {@link Applier} carries the plan
 * out, and the view goes to the {@link Publisher}. The kernel's events ({@link LinkWatch}) do
 * what a switchover needs at once on their own thread and ask for a look, so a burst of events
 * costs one look. A Setup on probation is a {@link Trial}.
 */
public final class Helper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Helper.class.getName());

    private final ConfigFile configFile;
    private final NetSysfs sysfs;
    private final Kernel.Source kernels;
    private final Kernel rt;
    private final KernelBond kernel;
    private final Dhcpcd dhcp;
    private final Dhcpcd leaseAhead;
    private final SystemResolver resolver;
    private final Worker worker = new Worker();
    private final SwitchoverTracker tracker = new SwitchoverTracker();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final NetworkCheck network;
    /** The Wi-Fi networks that reach the cable's network, which wpa_supplicant is to prefer. */
    private final WifiPreference preferred;
    /** The last Setup, until it is kept (confirmed, or the machine still reaches its gateway) or rolled back. */
    private final Trial trial;
    private final StandbyWindow standby = new StandbyWindow();
    /** What the kernel's events change at once, on the events thread. */
    private final LinkWatch links;
    /** Carries out what a look decided, on the worker. */
    private final Applier applier;

    private Publisher publisher;
    private AutoCloseable events;
    private RfkillEvents rfkill;
    private WifiWatcher wifi;
    private Takeover takeover;
    private AutoCloseable neighbour;
    private volatile BondConfig config;
    private volatile String configProblem = "";
    private volatile String unsupported;
    private volatile BondView view;

    /** A helper on {@code kernels}: the running kernel's, or a test's. */
    public Helper(ConfigFile configFile, NetSysfs sysfs, Dhcpcd.Paths dhcpcd, Dhcpcd.Launcher launcher,
                  SystemResolver resolver, Kernel.Source kernels) throws IOException {
        this.configFile = configFile;
        this.sysfs = sysfs;
        this.kernels = kernels;
        this.rt = kernels.open();
        this.kernel = new KernelBond(rt);
        this.dhcp = new Dhcpcd(dhcpcd, launcher, worker, this::requestRefresh, new LeftNetwork(rt));
        this.leaseAhead = new Dhcpcd(dhcpcd, launcher, worker, () -> { });
        this.resolver = resolver;
        this.network = new NetworkCheck(worker, this::requestRefresh, this::wifiJudged, sysfs::carrier);
        this.trial = new Trial(this, worker, tracker, rt, kernels);
        this.links = new LinkWatch(this, tracker, standby, network, dhcp, sysfs, kernels, worker);
        this.preferred = new WifiPreference(new KeepingNetworks(configFile.path().resolveSibling("keeping-networks")));
        this.applier = new Applier(rt, kernel, dhcp, leaseAhead, resolver, network, standby, tracker, preferred,
                this::requestRefresh, worker);
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
        unsupported = kernel.unsupported(sysfs.bondingLoaded());
        // What carries traffic now is adopted before the events are followed. The start's own
        // changes (the standby window an earlier helper left open, shut) come back as events, and
        // one handled before a later adoption read as a switchover "setup" nobody made.
        tracker.adopt(Reconciler.activePort(rt.links(), bondName()));
        events = kernels.follow(links);
        neighbour = takeover.followNetworkManager(this::networkManagerRestarted);
        rfkill = RfkillEvents.follow(Path.of("/dev/rfkill"), this::requestRefresh);
        worker.call(() -> {
            reclaim();
            refresh();
            return null;
        });
    }

    BondConfig config() {
        return config;
    }

    /** Says to the bus that a change on probation was rolled back, and why. */
    void rolledBack(String reason) {
        publisher.rolledBack(reason);
    }

    public BondView view() {
        return view;
    }

    public String bondName() {
        return config != null ? config.bond() : BondtrayBus.DEFAULT_BOND;
    }

    // ---- operations, each on the worker thread, called from the bus --------------------------

    /** Runs {@code op} on the worker; a change refuses to start while another is being applied. */
    public <T> T change(Callable<T> op) {
        return worker.change(op);
    }

    /** Creates or changes the bond to be {@code wanted}; refuses before touching anything if it cannot work. */
    public void setup(BondConfig wanted) throws IOException {
        if (unsupported != null) {
            throw Refusal.unsupported(unsupported);
        }
        List<PortFacts> facts = facts(rt.links());
        Optional<Link> existing = find(facts, wanted.bond());
        List<PortFacts> ports = SetupCheck.ports(wanted, facts, existing,
                port -> wifi == null ? -1 : wifi.networks(port), links.names());
        claim(ports);
        boolean created = existing.isEmpty();
        try {
            kernel.build(wanted, existing, config, facts, ports);
            takeover.leaveAlone(wanted.bond());
        } catch (NetlinkException e) {
            if (created) {
                kernel.tearDown(wanted.bond());
            }
            throw Refusal.kernelRefusedBond(e);
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

    /** Setup on probation for {@code seconds} (0: none); see {@link Trial}. */
    public void setup(BondConfig wanted, int seconds) throws IOException {
        trial.setup(wanted, seconds);
    }

    /** Keeps the change on probation. */
    public void confirm() throws IOException {
        trial.confirm();
    }

    /** Removes the bond and gives its ports back as plain interfaces, up. */
    public void disable() throws IOException {
        trial.end();
        BondConfig c = config;
        String name = c != null ? c.bond() : BondtrayBus.DEFAULT_BOND;
        // Release while the bond still carries traffic, so the server hears it.
        dhcp.release();
        leaseAhead.release();
        resolver.withdraw(name);
        kernel.tearDown(name);
        takeover.giveBack(wifi);
        configFile.remove();
        config = null;
        refresh();
    }

    public void setPreference(Preference p) throws IOException {
        BondConfig c = SwitchCheck.configured(config, unsupported);
        BondConfig next = c.withPreference(p);
        configFile.save(next);
        config = next;
        tracker.expect("preference", System.nanoTime());
        standby.stir(System.nanoTime());
        refresh();
    }

    public void switchTo(String port) throws IOException {
        BondConfig c = SwitchCheck.configured(config, unsupported);
        List<PortFacts> facts = facts(rt.links());
        Optional<Link> found = find(facts, c.bond());
        Optional<PortFacts> target = SwitchCheck.target(c.bond(), found, facts, port);
        if (target.isEmpty()) {
            return;
        }
        applier.makeActive(found.get(), target.get());
    }

    // ---- watching --------------------------------------------------------------------------------

    void requestRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            worker.execute("reading the kernel's state", () -> {
                refreshPending.set(false);
                refresh();
            });
        }
    }

    /**
     * Observe, plan, apply: reads the world once, has {@link Reconciler} decide what the bond
     * should be, carries that out and publishes the view.
     */
    void refresh() throws IOException {
        List<Link> all = rt.links();
        List<PortFacts> facts = facts(all);
        links.seen(all, facts);
        BondConfig c = config;
        String name = bondName();
        Optional<Link> bond = find(facts, name);
        Optional<BondView> without = Reconciler.without(name, unsupported, c, configProblem, bond.isPresent());
        BondView next = without.isPresent() ? without.get() : applier.apply(c, look(facts, bond.get()), wifi);
        // Switchovers come from the kernel's events alone, in the order the kernel sent them: a
        // dump taken here may already be stale and would report changes that did not happen.
        view = next.since(next.activePort().isEmpty() ? 0 : tracker.activeSinceMicros())
                .withConfirmDeadline(trial.deadlineMicros());
        publisher.publish(view);
    }

    /** A verdict on a Wi-Fi network (see {@link NetworkCheck.Judged}), remembered; on the worker. */
    private void wifiJudged(String cableGatewayMac, String wifiNetwork, boolean same) {
        if (preferred.judged(cableGatewayMac, wifiNetwork, same)) {
            requestRefresh();
        }
    }

    /** The world as far as the bond {@code b} is concerned, read once for a look. */
    private Reconciler.Look look(List<PortFacts> facts, Link b) throws IOException {
        return new Reconciler.Look(facts, b, kernel.addresses(b.index()), rt.routes(b.index()), dhcp.state());
    }

    private static Optional<Link> find(List<PortFacts> facts, String name) {
        return facts.stream().map(PortFacts::link).filter(l -> name.equals(l.name()) && l.isBond()).findFirst();
    }

    private List<PortFacts> facts(List<Link> links) {
        return PortReader.read(links, sysfs, wifi);
    }

    /** Events were lost: the state is read again and the active port taken from the dump. */
    void resync() {
        worker.execute("reading the kernel's state after losing events", () -> {
            refresh();
            tracker.activeIs(view.activePort(), System.nanoTime(), links::kindOf).ifPresent(publisher::switchover);
        });
    }

    /**
     * Runs {@code work} on the worker after {@code delayNanos}: the bus object's wait before its
     * next PropertiesChanged is one of the worker's timers, not a thread of its own.
     */
    public void later(String what, long delayNanos, Runnable work) {
        worker.schedule(what, delayNanos, work::run);
    }

    /** A switchover the kernel made, said on the bus. */
    void switchedOver(SwitchoverTracker.Switch s) {
        publisher.switchover(s);
    }

    /** Why this kernel cannot make bonds; null if it can. */
    String unsupported() {
        return unsupported;
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
        worker.execute("looking again after a wake-up", () -> {
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
        worker.execute("handing the Wi-Fi ports to wpa_supplicant again", () -> {
            preferred.forget();
            BondConfig c = config;
            if (c == null || unsupported != null || wifi == null) {
                return;
            }
            applier.handOverAgain(PortMatcher.select(c.ports(), facts(rt.links()), c.bond()), wifi);
            refresh();
        });
    }

    /**
     * NetworkManager came (back) on the bus. Its per-boot configuration kept the ports from it
     * (see Takeover); what it may have forgotten besides is said again. The bond it assumes as
     * "connected (externally)", which keeps the desktop online.
     */
    public void networkManagerRestarted() {
        worker.execute("claiming the ports from NetworkManager again", () -> {
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
        worker.close();
        network.close();
        dhcp.close();
        leaseAhead.close();
        links.close();
        rt.close();
    }
}
