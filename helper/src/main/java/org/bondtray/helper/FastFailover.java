package org.bondtray.helper;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;
import org.bondtray.net.NetSysfs;

/**
 * Helper-assisted failover. The bonding driver notices a lost carrier at its next miimon tick, up
 * to miimon ms later, and traffic goes nowhere until then. The helper hears the carrier drop over
 * rtnetlink within a millisecond, so when the bond's active port loses it, the best port that is
 * ready is made active at once. The kernel's miimon stays the backstop for when the helper is not
 * running, and the kernel refuses a port it does not itself count as up.
 *
 * <p>Runs on the kernel-events thread, on a netlink socket of its own: the worker's socket may be
 * in the middle of a request, and the worker may be busy for tens of milliseconds. Only the wait
 * out of the bond's updelay (see {@link #backInTime}) runs on the worker, which owns the timers;
 * the lock keeps the two off the socket at the same time.
 */
final class FastFailover implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FastFailover.class.getName());
    /** IFLA_BOND_MODE of active-backup, the only mode with one active port to move. */
    private static final int ACTIVE_BACKUP = 1;

    /** Each link as the kernel last described it, by index: events, and dumps for what no event told. */
    private final Map<Integer, Link> links = new ConcurrentHashMap<>();
    private final Kernel.Source kernels;
    private Kernel rt;
    /** The port traffic was last moved off, and when (System.nanoTime()); "" if none. */
    private String movedOff = "";
    private long movedOffAt;
    private final Worker worker;
    /** The wait out of updelay for the port traffic was moved off; cancelled when it goes again. */
    private Worker.Timer settling = () -> { };

    FastFailover(Kernel.Source kernels, Worker worker) {
        this.kernels = kernels;
        this.worker = worker;
    }

    /** A dump's view, kept only for links no event has described yet (an event is newer than any dump). */
    void seed(List<Link> dump) {
        dump.forEach(l -> links.putIfAbsent(l.index(), l));
    }

    void removed(int index) {
        links.remove(index);
    }

    /**
     * The kernel described {@code link}. If it is the active port of {@code bondName} and has lost
     * its carrier, asks the kernel to make the port {@link #choose} picks active; that port's name,
     * if it asked.
     */
    synchronized Optional<String> linkChanged(Link link, String bondName, Preference preference,
                                              Function<String, PortKind> kinds, NetSysfs sysfs) {
        links.put(link.index(), link);
        if (link.master() == 0) {
            return Optional.empty();
        }
        if (link.carrier()) {
            backInTime(link, bondName, sysfs);
            return Optional.empty();
        }
        if (link.name().equals(movedOff)) {
            // Gone again before it had stayed in for updelay: it does not take traffic back.
            settling.cancel();
        }
        Link bond = links.get(link.master());
        if (bond == null || !bond.name().equals(bondName)) {
            return Optional.empty();
        }
        // Events queue behind one another: by now the cable may be back, or the kernel's own link
        // check may have moved traffic already (its event is further down the queue). Acting on a
        // stale event would pull traffic off a cable that is in.
        if (!stillActiveWithoutCarrier(link.name(), sysfs.carrier(link.name()), sysfs.activePort(bondName))) {
            return Optional.empty();
        }
        Optional<Link> next = choose(bond, link.index(), links.values(), preference, kinds);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (rt == null) {
                rt = kernels.open();
            }
            rt.setActivePort(bond.index(), next.get().index());
            movedOff = link.name();
            movedOffAt = System.nanoTime();
            backInTime(link, bondName, sysfs);
            return Optional.of(next.get().name());
        } catch (IOException e) {
            // The kernel's miimon moves traffic at its next tick all the same.
            LOG.fine("could not make " + next.get().name() + " active at once: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The cable came back around the moment traffic was moved off it: it may have come back
     * before the kernel's link check saw it go, and the kernel, which then saw nothing, keeps the
     * Wi-Fi active with the cable in (the benchmark's cable toggled every 180 ms stayed on the
     * Wi-Fi for good). Setting the primary again has the kernel choose by its own rule, which takes
     * the primary back if it counts it as up and leaves things as they are otherwise.
     *
     * <p>The cable must first stay in for the bond's updelay, as it must when the kernel did see
     * it go: a cable toggling faster than the link check would otherwise drag traffic back and
     * forth at every toggle (the lab's flapping cable saw four switchovers, not two).
     */
    private void backInTime(Link port, String bondName, NetSysfs sysfs) {
        Link bond = links.get(port.master());
        if (!racedTheMove(port, bond, bondName, sysfs)) {
            return;
        }
        settling.cancel();
        int updelay = bond.bond().updelay();
        if (updelay == 0) {
            takeBack(bond, port);
            return;
        }
        settling = worker.schedule("taking " + port.name() + " back after updelay", updelay * 1_000_000L, () -> {
            synchronized (this) {
                // The race was judged at the return; here only the links count, however long
                // the updelay made the wait.
                Link b = links.get(port.master());
                if (stillBackOnPrimary(port, b, bondName, sysfs)) {
                    takeBack(b, port);
                }
            }
        });
    }

    private boolean racedTheMove(Link port, Link bond, String bondName, NetSysfs sysfs) {
        return System.nanoTime() - movedOffAt <= BACK_IN_TIME_NANOS && stillBackOnPrimary(port, bond, bondName, sysfs);
    }

    /** Whether {@code port} is still the one traffic was moved off, and is back as the primary that does not carry. */
    private boolean stillBackOnPrimary(Link port, Link bond, String bondName, NetSysfs sysfs) {
        return port.name().equals(movedOff) && bond != null && bond.bond() != null && backOnPrimary(port.index(),
                sysfs.carrier(port.name()), bond.bond().primaryIndex(), port.name().equals(sysfs.activePort(bondName)));
    }

    private void takeBack(Link bond, Link port) {
        try {
            rt.setPrimary(bond.index(), port.index());
            movedOff = "";
        } catch (IOException e) {
            LOG.fine("could not have the kernel choose again: " + e.getMessage());
        }
    }

    /** How long after moving traffic off a port its return is taken as a race with that move. */
    static final long BACK_IN_TIME_NANOS = 5_000_000_000L;

    /** Whether the port {@code index} traffic was moved off is back and is the primary that does not carry. */
    static boolean backOnPrimary(int index, boolean carrierNow, int primaryIndex, boolean activeNow) {
        return carrierNow && index == primaryIndex && !activeNow;
    }

    /** Whether {@code port} still carries the bond's traffic and still has no carrier, as sysfs says now. */
    static boolean stillActiveWithoutCarrier(String port, boolean carrierNow, String activeNow) {
        return !carrierNow && port.equals(activeNow);
    }

    /**
     * The port to make active when {@code lost}, the active port of {@code bond}, lost its carrier;
     * only in active-backup, the mode with one active port, and only without a down delay. Candidates are the bond's other ports
     * that are up, have a carrier, are up in the bond's own view (the kernel takes no other) and
     * are not dormant (a Wi-Fi port before its keys are in place). The primary first, then the
     * kind the preference names, then the lowest index.
     */
    static Optional<Link> choose(Link bond, int lost, Collection<Link> links, Preference preference,
                                 Function<String, PortKind> kinds) {
        // A down delay is the user's own wait before a failover (to ride out a flapping cable):
        // the kernel keeps it, and so does the helper.
        if (bond.bond() == null || bond.bond().mode() != ACTIVE_BACKUP || bond.bond().downdelay() > 0) {
            return Optional.empty();
        }
        PortKind preferred = preference == Preference.WIRELESS ? PortKind.WIRELESS
                : preference == Preference.WIRED ? PortKind.WIRED : null;
        int primary = bond.bond().primaryIndex();
        return links.stream()
                .filter(l -> l.master() == bond.index() && l.index() != lost && l.up() && l.carrier()
                        && l.port() != null && l.port().miiUp()
                        && (l.operState().equals("up") || l.operState().equals("unknown")))
                .min(Comparator.<Link>comparingInt(l -> l.index() == primary ? 0 : 1)
                        .thenComparingInt(l -> preferred != null && kinds.apply(l.name()) == preferred ? 0 : 1)
                        .thenComparingInt(Link::index));
    }

    @Override
    public synchronized void close() {
        settling.cancel();
        if (rt != null) {
            rt.close();
        }
    }
}
