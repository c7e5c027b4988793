package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

import org.bondtray.helper.Owner;
import org.bondtray.helper.kernel.ProcessExit;

/**
 * dhcpcd's supervision as the helper's {@link Owner} runs it: what runs, what is wanted, what is
 * under way, and what to do next ({@link #settle}). Every method runs on the owner's thread; what
 * blocks runs through {@link DhcpcdControl} on a virtual thread, one operation at a time, and
 * reports back to the owner. {@link Dhcpcd} is its face to the rest of the helper.
 */
final class DhcpcdSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DhcpcdSupervisor.class.getName());

    /** The blocking part of an operation, off the owner's thread. */
    private interface Blocking<T> {
        T run() throws Exception;
    }

    private final DhcpcdControl control;
    private final Owner owner;
    private final Runnable changed;
    private final Dhcpcd.Leaving leaving;
    private final ExecutorService blocking = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("dhcpcd-", 0).factory());

    // The owner's, touched on its thread only.
    private String bond = "";
    private String configText = "";
    private boolean wanted;
    /** Not wanted, but its lease is: stop without a release (see {@link #stopLater}). */
    private boolean keepLease;
    private ProcessHandle running;
    /** The bond {@link #running} serves. */
    private String runningBond = "";
    private final RestartPause pause = new RestartPause();
    private Owner.Timer pendingStart;
    private Owner.Timer pendingSwitch;
    /** Whether {@link #pendingSwitch} starts a new dhcpcd rather than renewing. */
    private boolean pendingRestart;
    /** A switchover's action, due: run when no operation is under way. */
    private String restartDue;
    /** Whether the restart due is for another network (see {@link Dhcpcd#networkChanged}). */
    private boolean restartDiscovers;
    /** Whether the last dhcpcd started went to DISCOVER at once (see {@link #startOrAdopt}). */
    private boolean discoverFirst;
    /** What a dhcpcd for another network leaves on the bond (see {@link #leftBehind}). */
    private final LeftLease left = new LeftLease();
    private boolean renewDue;
    /** The blocking part of the operation under way, or null. */
    private Future<?> underWay;
    /** The last dhcpcd a start launched, set off the owner's thread: for a release that comes before its report. */
    private volatile ProcessHandle launched;
    /** Counts releases: an operation that reports after one finds its outcome no longer wanted. */
    private int generation;
    private volatile String state = "off";

    DhcpcdSupervisor(DhcpcdControl control, Owner owner, Runnable changed, Dhcpcd.Leaving leaving) {
        this.control = control;
        this.owner = owner;
        this.changed = changed;
        this.leaving = leaving;
    }

    String state() {
        return state;
    }

    /** See {@link Dhcpcd#leftBehind}. */
    List<String> leftBehind(Lease now) {
        return left.gone(now);
    }

    /** dhcpcd is wanted for {@code ifname} with the configuration {@code text}. */
    void want(String ifname, String text) {
        if (wanted && bond.equals(ifname) && text.equals(configText)) {
            return;
        }
        bond = ifname;
        configText = text;
        wanted = true;
        settle();
    }

    /**
     * Once switchovers have settled (at {@code dueNanos}), and if dhcpcd runs then, a renewal (no
     * {@code restart} note) or a new dhcpcd (logged with the note). A later switchover replaces an
     * earlier one's pending action, except that a pending restart is not replaced by a renewal (the
     * new dhcpcd asks anyway). The settle counts from the call, not from when the owner gets to
     * it: a look under way on the owner's thread (a few hundred ms in the lab's emulated VM) is
     * spent inside the settle instead of before it.
     */
    void afterSwitch(long dueNanos, String restart, boolean discover) {
        if (!wanted || pendingSwitch != null && pendingRestart && restart == null) {
            return;
        }
        cancel(pendingSwitch);
        pendingRestart = restart != null;
        pendingSwitch = owner.schedule("dhcpcd after a switchover", dueNanos - System.nanoTime(), () -> {
            pendingSwitch = null;
            if (wanted && running != null && running.isAlive()) {
                if (restart != null) {
                    restartDue = restart;
                    restartDiscovers = discover;
                } else {
                    renewDue = true;
                }
                settle();
            }
        });
    }

    /** DHCP is no longer wanted: dhcpcd releases and exits, in its own time. */
    void releaseLater() {
        wanted = false;
        keepLease = false;
        dropPending();
        settle();
    }

    /** dhcpcd is no longer wanted, but its lease is: it stops without a release, in its own time. */
    void stopLater() {
        if (!wanted) {
            return;
        }
        wanted = false;
        keepLease = true;
        dropPending();
        settle();
    }

    /** dhcpcd releases the lease and exits, now, after any operation under way. Blocks. */
    void release() {
        wanted = false;
        generation++;
        dropPending();
        Future<?> before = underWay;
        if (before != null) {
            try {
                before.get(DhcpcdControl.LONGEST_OPERATION.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warning("dhcpcd's last operation did not end in time: " + e);
            }
        }
        // A start that just ended has not been reported yet: the dhcpcd it started, or the pid file's.
        Optional<ProcessHandle> p = Optional.ofNullable(running).filter(ProcessHandle::isAlive)
                .or(() -> Optional.ofNullable(launched).filter(ProcessHandle::isAlive))
                .or(() -> control.running(bond));
        String of = running != null ? runningBond : bond;
        running = null;
        p.ifPresent(h -> control.release(h, of));
        off();
    }

    /** Does what brings dhcpcd to what is wanted, unless an operation is under way (then its end does). */
    private void settle() {
        if (underWay != null) {
            return;
        }
        if (running != null && (!wanted || !runningBond.equals(bond))) {
            ProcessHandle p = running;
            String of = runningBond;
            boolean keep = keepLease && !wanted;
            running = null;
            offThread((keep ? "stopping dhcpcd for " : "releasing dhcpcd's lease for ") + of, () -> {
                if (keep) {
                    control.stop(p, of);
                } else {
                    control.release(p, of);
                }
                return null;
            }, (done, e) -> off());
            return;
        }
        if (!wanted) {
            return;
        }
        if (running == null || !running.isAlive()) {
            // Not running: its exit's report comes, or a start is waiting out its pause.
            if (running == null && pendingStart == null) {
                startOrAdopt(false);
            }
            return;
        }
        boolean rewritten;
        try {
            rewritten = writeConfig();
        } catch (IOException e) {
            LOG.warning("could not write dhcpcd's configuration for " + bond + ": " + e.getMessage());
            rewritten = false;
        }
        if (restartDue != null) {
            LOG.info(restartDue);
            restartDue = null;
            if (restartDiscovers) {
                left.left(control.lease(bond).address());
            }
            boolean discover = restartDiscovers;
            restartDiscovers = false;
            renewDue = false;
            restart(discover);
        } else if (rewritten) {
            reload();
        } else if (renewDue) {
            renewDue = false;
            String of = bond;
            offThread("dhcpcd --renew " + of, () -> {
                control.command("--renew", of);
                return null;
            }, (done, e) -> { });
        }
    }

    /**
     * Runs {@code io} on a virtual thread, then {@code done} with its outcome on the owner's
     * thread, unless a release came between; then looks again at what is wanted.
     */
    private <T> void offThread(String what, Blocking<T> io, BiConsumer<T, Exception> done) {
        int of = generation;
        underWay = blocking.submit(() -> {
            T result = null;
            Exception failure = null;
            try {
                result = io.run();
            } catch (Exception e) {
                failure = e;
            }
            T r = result;
            Exception f = failure;
            owner.execute(what, () -> {
                underWay = null;
                if (of == generation) {
                    done.accept(r, f);
                }
                settle();
            });
        });
    }

    /**
     * Stops the running dhcpcd without a release (SIGTERM; "persistent" leaves the address until
     * the new one has an answer) and starts a new one. One that does not go within
     * the stop's wait (see {@link DhcpcdControl#stop}) is killed: the lab saw dhcpcd 9.4.1 leave a SIGTERM unanswered for 10 s,
     * and the old one, adopted, kept the other network's address. One whose network the bond has
     * left ({@code discover}) is killed at once: it has nothing to say to a server it cannot
     * reach, and keeps nothing a kill would lose (its lease file is written as the lease comes;
     * the helper takes the old network's routes and addresses off itself). In the lab's roam it
     * left SIGTERM unanswered for its whole 1.5 s, busy with the new access point's carrier.
     */
    private void restart(boolean discover) {
        ProcessHandle old = running;
        String of = runningBond;
        running = null;
        offThread("stopping dhcpcd for " + of, () -> {
            if (discover) {
                control.kill(old, of);
            } else {
                control.stop(old, of);
            }
            return null;
        }, (done, e) -> {
            if (discover) {
                left(of);
            }
            startOrAdopt(discover);
        });
    }

    /** Between the old dhcpcd's end and the new one's start: what the old network left (see {@link Dhcpcd.Leaving}). */
    private void left(String of) {
        try {
            left.ipv6(leaving.leave(of));
        } catch (RuntimeException e) {
            LOG.warning("could not read what the network " + of + " left: " + e);
        }
    }

    private void off() {
        left.forget();
        state = "off";
        changed.run();
    }

    private void dropPending() {
        cancel(pendingStart);
        cancel(pendingSwitch);
        pendingStart = null;
        pendingSwitch = null;
        restartDue = null;
        restartDiscovers = false;
        renewDue = false;
    }

    /** {@code discover}: the new dhcpcd goes to DISCOVER at once ({@link DhcpcdConfig#DISCOVER_FIRST}). */
    private void startOrAdopt(boolean discover) {
        discoverFirst = discover;
        boolean rewritten;
        try {
            rewritten = writeConfig();
        } catch (IOException e) {
            retryLater("could not write dhcpcd's configuration for " + bond + ": " + e.getMessage());
            return;
        }
        Optional<ProcessHandle> found = control.running(bond);
        if (found.isPresent()) {
            LOG.info("dhcpcd for " + bond + " is already running (pid " + found.get().pid() + "); adopting it");
            watch(found.get(), bond);
            if (rewritten) {
                reload();
            }
            return;
        }
        String of = bond;
        offThread("starting dhcpcd for " + of, () -> launched = control.start(of), (p, e) -> {
            if (e != null) {
                retryLater("could not start dhcpcd for " + of + ": " + e.getMessage());
                return;
            }
            pause.started();
            LOG.info("started dhcpcd for " + of + " (pid " + p.pid() + ")");
            watch(p, of);
        });
    }

    private void watch(ProcessHandle p, String of) {
        running = p;
        runningBond = of;
        state = "running";
        changed.run();
        // Not p.onExit(): for dhcpcd in its own unit that polls all day (see ProcessExit).
        ProcessExit.of(p).thenRun(() -> owner.execute("dhcpcd's exit", () -> {
            if (running != p) {
                return;
            }
            running = null;
            if (!wanted) {
                off();
                return;
            }
            retryLater("dhcpcd for " + of + " exited");
        }));
    }

    /** Starts dhcpcd again after a pause; {@code why} is logged with it. */
    private void retryLater(String why) {
        state = "restarting";
        changed.run();
        Duration wait = pause.next();
        LOG.warning(why + "; starting it again in " + wait.toMillis() + " ms");
        pendingStart = owner.schedule("starting dhcpcd again", wait.toNanos(), () -> {
            pendingStart = null;
            settle();
        });
    }

    /**
     * Has the running dhcpcd reload the file the helper just wrote (see
     * {@link DhcpcdControl#reload}). If it never does (a file system mounted noatime shows no
     * read), dhcpcd is started anew, which reads the file for certain.
     */
    private void reload() {
        String of = bond;
        offThread("dhcpcd reloading for " + of, () -> control.reload(of), (read, e) -> {
            if (!Boolean.TRUE.equals(read)) {
                restartDue = "dhcpcd for " + of + " does not reload its configuration; starting it anew";
                restartDiscovers = false;
            }
        });
    }

    /** Writes the configuration file; whether its text changed. */
    private boolean writeConfig() throws IOException {
        return control.writeConfig(bond, discoverFirst ? configText + DhcpcdConfig.DISCOVER_FIRST : configText);
    }

    private static void cancel(Owner.Timer t) {
        Optional.ofNullable(t).ifPresent(Owner.Timer::cancel);
    }

    @Override
    public void close() {
        blocking.shutdownNow();
    }
}
