package org.bondtray.helper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.KernelEvents;
import org.bondtray.helper.kernel.Link;
import org.bondtray.net.NetSysfs;

/**
 * What the kernel's link events change at once, on the events thread, before any look: a lost
 * carrier moves traffic ahead of the bond's own link check ({@link FastFailover}), carriers and
 * the active port go to the {@link SwitchoverTracker} in the order the kernel sent them, and a
 * switchover is said on the bus and told to dhcpcd. Then a look is asked for; everything else
 * waits for it on the worker.
 *
 * <p>The one state the worker does not own, and why: queued to the worker, the switchover
 * waited behind the look the event before it had asked for. In the lab that raised kernel event
 * to Switchover signal from 41 ms to 197 ms median (a look under emulation takes about that
 * long). So the tracker and the standby window keep their locks, and this thread says it.
 */
final class LinkWatch implements KernelEvents.Listener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LinkWatch.class.getName());

    private final Helper helper;
    private final SwitchoverTracker tracker;
    private final StandbyWindow standby;
    private final NetworkCheck network;
    private final Dhcpcd dhcp;
    private final NetSysfs sysfs;
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> carriers = new ConcurrentHashMap<>();
    private final Map<String, PortKind> kinds = new ConcurrentHashMap<>();
    /** Moves traffic off a port that lost its carrier before the kernel's next miimon tick. */
    private final FastFailover fastFailover;

    LinkWatch(Helper helper, SwitchoverTracker tracker, StandbyWindow standby, NetworkCheck network, Dhcpcd dhcp,
              NetSysfs sysfs, Kernel.Source kernels, Worker worker) {
        this.helper = helper;
        this.fastFailover = new FastFailover(kernels, worker);
        this.tracker = tracker;
        this.standby = standby;
        this.network = network;
        this.dhcp = dhcp;
        this.sysfs = sysfs;
    }

    /** A look's dump: the names, kinds and ports the events are read against. */
    void seen(List<Link> links, List<PortFacts> facts) {
        links.forEach(l -> names.put(l.index(), l.name()));
        fastFailover.seed(links);
        facts.forEach(f -> kinds.put(f.name(), f.kind()));
    }

    /** Each interface's name by index, as last seen. */
    Map<Integer, String> names() {
        return names;
    }

    PortKind kindOf(String port) {
        return kinds.getOrDefault(port, PortKind.WIRED);
    }

    @Override
    public void linkChanged(Link link, long receivedNanos) {
        // First: every millisecond here is one the traffic goes nowhere.
        BondConfig c = helper.config();
        if (helper.unsupported() == null) {
            // How long the helper's own part took, from the event's receipt until it is done with
            // it (the kernel acts inside its request, before that): the lab sets it against the
            // whole outage the kernel's records show.
            fastFailover.linkChanged(link, c == null ? "" : c.bond(), c == null ? Preference.WIRED : c.preference(),
                    this::kindOf, sysfs).ifPresent(p -> LOG.info(link.name() + " lost its carrier: asked the kernel to make "
                    + p + " active at once, ahead of the bond's own link check ("
                    + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - receivedNanos) / 1e6)
                    + " ms after the event)"));
        }
        names.put(link.index(), link.name());
        Boolean before = carriers.put(link.index(), link.carrier());
        if (before != null && before != link.carrier()) {
            tracker.carrier(link.name(), link.carrier(), receivedNanos);
            if (link.carrier() && link.master() != 0 && helper.bondName().equals(names.get(link.master()))) {
                // A port of the bond came up: the kernel may make it active after updelay.
                standby.stir(receivedNanos);
            }
        }
        if (link.isBond() && link.name().equals(helper.bondName()) && link.bond() != null && c != null) {
            int active = link.bond().activePortIndex();
            String port = active == 0 ? "" : names.getOrDefault(active, "");
            String last = tracker.lastCarrying();
            if (!last.isEmpty() && !last.equals(port) && !sysfs.carrier(last)) {
                tracker.carrierLostIfUnknown(last, receivedNanos);
            }
            tracker.activeIs(port, receivedNanos, this::kindOf).ifPresent(s -> {
                standby.stir(receivedNanos);
                // dhcpcd first: it only queues, and its settle then runs while the signal is sent.
                if (!s.to().isEmpty()) {
                    if (network.switchoverMayChangeNetwork()) {
                        // The ports were on different networks: the lease's server is behind the other one.
                        dhcp.networkChanged();
                    } else {
                        // fail_over_mac=active: the bond took the new port's MAC.
                        dhcp.macChanged();
                    }
                }
                helper.switchedOver(s);
            });
        }
        helper.requestRefresh();
    }

    @Override
    public void linkRemoved(int index, String name, long receivedNanos) {
        tracker.removed(name, receivedNanos);
        carriers.remove(index);
        fastFailover.removed(index);
        helper.requestRefresh();
    }

    @Override
    public void addressingChanged() {
        helper.requestRefresh();
    }

    /** Events were lost: the state is read again and the active port taken from the dump. */
    @Override
    public void resync() {
        helper.resync();
    }

    @Override
    public void close() {
        fastFailover.close();
    }
}
