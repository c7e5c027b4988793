package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.bondtray.helper.ChildProcess;
import org.bondtray.helper.Owner;
import org.bondtray.helper.config.AtomicFile;
import org.bondtray.helper.kernel.ProcessExit;

/**
 * dhcpcd for the bond, supervised: started once the bond has an active port, adopted if one is
 * already running (a helper restart must not touch the lease), started again with a growing pause
 * if it dies, told to renew when a switchover changed the bond's MAC, started anew when traffic
 * moved to another network, and told to release when the bond is disabled. It runs with a
 * configuration the helper writes ({@link DhcpcdConfig}).
 *
 * <p>Its state and its timers are the helper's {@link Owner}'s, like the rest of the helper's
 * state: every decision here runs on that one thread. What blocks (starting a unit and waiting for
 * its pid, a SIGTERM and the wait for the exit, dhcpcd's own command line) runs on a virtual
 * thread, one such operation at a time, and queues its outcome back to the owner: a slow dhcpcd
 * never holds up the helper's look at the kernel. A wish that comes while an operation runs (a
 * renewal, a new configuration) is settled when it is done.
 *
 * <p>Commands are argument vectors, never strings for a shell.
 */
public final class Dhcpcd implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Dhcpcd.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** A run this long counts as healthy: the next death pauses only briefly again. */
    private static final Duration HEALTHY = Duration.ofSeconds(60);
    /** Switchovers in a burst (a flapping cable) cost one renewal, this long after the last. */
    private static final Duration RENEW_SETTLE = Duration.ofSeconds(2);
    /** Another network: the address is dead, so the wait is short; it still spares a flapping cable. */
    private static final Duration NETWORK_SETTLE = Duration.ofMillis(300);
    /** A lease file's time may lag by its file system's granularity: past this it is surely newer. */
    private static final Duration SAME_LEASE_SLACK = Duration.ofSeconds(2);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /**
     * dhcpcd stops in about 0.5 s under the lab's emulated CPU; past this it is killed. A stop
     * here never releases (see {@link #stop}), so a kill loses nothing, and a dhcpcd that hangs
     * holds up the next one: on the lab's roam 9.4.1 left SIGTERM unanswered in two runs of three.
     */
    private static final Duration STOP_WAIT = Duration.ofMillis(1500);
    /** How long a reload may take to read the file (0.15 s in the lab's emulated VM) before it is asked again. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(3);
    private static final int RELOAD_ASKS = 3;
    /** The longest any one blocking operation takes: a reload asked thrice, or a release. */
    private static final Duration LONGEST_OPERATION = RELOAD_WAIT.plus(COMMAND_TIMEOUT).multipliedBy(RELOAD_ASKS);

    /** Where dhcpcd is and keeps things; tests and the lab point these elsewhere. */
    public record Paths(Path binary, Path configDir, Path stateDir, Path runDir) {
        public static Paths system() {
            return new Paths(Path.of("/usr/sbin/dhcpcd"), Path.of("/run/bondtray"), Path.of("/var/lib/dhcpcd"),
                    Path.of("/run/dhcpcd"));
        }
    }

    /** How dhcpcd is started: as the helper's child, or as a unit of its own (see SystemdLauncher). */
    public interface Launcher {
        /** Starts dhcpcd with {@code argv}; the handle of the process that serves the bond. */
        ProcessHandle launch(List<String> argv, String bond, Paths paths) throws IOException;

        /** Kills the dhcpcd {@code p} serving {@code bond}, and whatever it started (SIGKILL). */
        default void kill(ProcessHandle p, String bond) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** dhcpcd as the helper's child; its output goes where the helper's goes. */
    public static final Launcher CHILD = (argv, bond, paths) -> new ProcessBuilder(argv)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT).start()
            .toHandle();

    /**
     * What the bond carries of the network it leaves, asked on the owner's thread once the old
     * dhcpcd is gone and before the one for another network starts. dhcpcd 9.4.1 stopped without
     * a release (see {@link DhcpcdConfig}'s {@code persistent}) leaves its IPv6 behind, and the new
     * one never takes it off: the lab's walk kept the LAN's fd00:50::110/128 and its routes on
     * the café.
     */
    public interface Leaving {
        /**
         * Takes off at once what leads nowhere now (the routes the old network's routers
         * advertised: the new dhcpcd, not started yet, learns the new ones) and names the
         * addresses to take off once the new network's lease proves the move (see {@link #leftBehind}).
         */
        List<String> leave(String bond);

        /** For a dhcpcd that never starts for another network. */
        Leaving NOTHING = bond -> List.of();
    }

    /** The blocking part of an operation, off the owner's thread. */
    private interface Blocking<T> {
        T run() throws Exception;
    }

    private final Paths paths;
    private final Launcher launcher;
    private final Owner owner;
    private final Runnable changed;
    private final Leaving leaving;
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
    private long startedNanos;
    private Duration pause = FIRST_PAUSE;
    private Owner.Timer pendingStart;
    private Owner.Timer pendingSwitch;
    /** Whether {@link #pendingSwitch} starts a new dhcpcd rather than renewing. */
    private boolean pendingRestart;
    /** A switchover's action, due: run when no operation is under way. */
    private String restartDue;
    /** Whether the restart due is for another network (see {@link #networkChanged}). */
    private boolean restartDiscovers;
    /** Whether the last dhcpcd started went to DISCOVER at once (see {@link #startOrAdopt}). */
    private boolean discoverFirst;
    /**
     * The address of the lease a dhcpcd for another network started from, "" if none: that
     * dhcpcd goes straight to DISCOVER and never drops it (see {@link #leftBehind}).
     */
    private String leftLease = "";
    /** The old network's IPv6 addresses, which go with {@link #leftLease} (see {@link Leaving}). */
    private List<String> leftIpv6 = List.of();
    /** When {@link #leftLease} was left (epoch ms), for a lease of the same address written since. */
    private long leftAtMs;
    private boolean renewDue;
    /** The blocking part of the operation under way, or null. */
    private Future<?> underWay;
    /** The last dhcpcd a start launched, set off the owner's thread: for a release that comes before its report. */
    private volatile ProcessHandle launched;
    /** Counts releases: an operation that reports after one finds its outcome no longer wanted. */
    private int generation;
    private volatile String state = "off";

    /** {@code changed} runs on the owner's thread whenever {@link #state} may have changed. */
    public Dhcpcd(Paths paths, Launcher launcher, Owner owner, Runnable changed) {
        this(paths, launcher, owner, changed, Leaving.NOTHING);
    }

    /** As above; {@code leaving} is asked what the bond carries of a network it leaves. */
    public Dhcpcd(Paths paths, Launcher launcher, Owner owner, Runnable changed, Leaving leaving) {
        this.paths = paths;
        this.launcher = launcher;
        this.owner = owner;
        this.changed = changed;
        this.leaving = leaving;
    }

    /** "off", "running" or "restarting": for the API. */
    public String state() {
        return state;
    }

    /** The lease of the bond dhcpcd runs for, as its lease files say now. */
    public Lease lease(String ifname) {
        return Lease.read(paths.stateDir(), ifname);
    }

    /**
     * The addresses a dhcpcd started for another network left on the bond, once that network's
     * lease is in: the helper takes them off. dhcpcd 9.4.1, sent straight to DISCOVER, never drops
     * the address of the lease it started from (the lab's walk kept 192.168.50.100/24 beside
     * 192.168.60.162/24), nor the old network's IPv6 ones ({@link Leaving}), and a dead address on
     * the bond is a source address nobody answers. Another address in the lease file is the new
     * lease: the file held the old one when the new dhcpcd started. Empty until then, and for good
     * once the new lease is the same address (the verdict was wrong: nothing to take off), which a
     * file written well after the start shows (its time is as coarse as its file system's). The
     * IPv4 lease is the proof for IPv6 too: a network without IPv4 keeps the old IPv6 addresses
     * until they expire. Asked once per look.
     */
    public List<String> leftBehind(Lease now) {
        if (leftLease.isEmpty() || !now.bound()) {
            return List.of();
        }
        if (leftLease.equals(now.address())) {
            if (now.obtainedMs() > leftAtMs + SAME_LEASE_SLACK.toMillis()) {
                forgetLeft();
            }
            return List.of();
        }
        List<String> gone = Stream.concat(Stream.of(leftLease), leftIpv6.stream()).toList();
        forgetLeft();
        return gone;
    }

    private void forgetLeft() {
        leftLease = "";
        leftIpv6 = List.of();
    }

    /**
     * Makes sure dhcpcd runs for {@code ifname} with the configuration {@code text} (from
     * {@link DhcpcdConfig}); cheap when it already does. A running dhcpcd whose configuration
     * changed is told to reload it.
     */
    public void ensure(String ifname, String text) {
        owner.execute("supervising dhcpcd for " + ifname, () -> {
            if (wanted && bond.equals(ifname) && text.equals(configText)) {
                return;
            }
            bond = ifname;
            configText = text;
            wanted = true;
            settle();
        });
    }

    /**
     * The bond's MAC changed: dhcpcd renews the lease (the server learns the new MAC; if it does
     * not answer, RFC 2131's rebinding follows at T2 and the address stays until the lease ends),
     * solicits routers so SLAAC routes point at a live router, and renews DHCPv6. A renewal is
     * unicast through the kernel, which sends it with the bond's MAC now. Not dhcpcd's --rebind:
     * that restarts from INIT-REBOOT with broadcasts built from the MAC dhcpcd read when it started
     * (see {@link #networkChanged}), and drops the address if no answer comes within 5 s.
     */
    public void macChanged() {
        afterSwitch(RENEW_SETTLE, null, false);
    }

    /**
     * The machine woke up: dhcpcd's timers did not count the sleep, so the lease may be over
     * without dhcpcd knowing. A new dhcpcd asks for it again (INIT-REBOOT, with the bond's MAC
     * now): a yes keeps the address, a no (broadcast) brings a new one. Not a renewal: renewing,
     * dhcpcd 9.4.1 never heard the lab's server refuse (broadcast), and kept the address for 50
     * minutes. Not --rebind (see {@link #macChanged}): the cable may have gone during the sleep.
     */
    public void wokeUp() {
        afterSwitch(RENEW_SETTLE, "after the wake-up a new dhcpcd asks for the lease again", false);
    }

    /**
     * Traffic moved to a port on another network than the lease's: the old server cannot be
     * reached, so a renewal would keep a dead address until the lease ends. dhcpcd must ask the
     * new network, and a new dhcpcd is started for it: dhcpcd 9 reads an interface's MAC only
     * while the interface is down, so the running one would ask with the MAC the bond had before
     * the switchover, which the access point drops (it knows only the station's own) and to which
     * the server would answer. The new one goes to DISCOVER at once ({@link DhcpcdConfig#DISCOVER_FIRST}):
     * asking first for the old address (INIT-REBOOT) only had the new network's server refuse it
     * (0.65 s of the lab's walk back to the LAN, most of it the address dropped and dhcpcd's
     * script run on the refusal). The lease is kept all the same: the verdict that calls this may
     * be wrong, and then the server offers the address it has for the laptop, which stays
     * (forgetting the lease cost the address for 2 s in the lab, on a verdict made as a cable
     * went). After a short settle, so a flapping cable costs one restart.
     */
    public void networkChanged() {
        afterSwitch(NETWORK_SETTLE, "the bond moved to another network: a new dhcpcd asks that network for an address",
                true);
    }

    /**
     * Once switchovers have settled for {@code settle}, and if dhcpcd runs then, a renewal (no
     * {@code restart} note) or a new dhcpcd (logged with the note). A later switchover replaces an
     * earlier one's pending action, except that a pending restart is not replaced by a renewal (the
     * new dhcpcd asks anyway). The settle counts from the call, not from when the owner gets to
     * it: a look under way on the owner's thread (a few hundred ms in the lab's emulated VM) is
     * spent inside the settle instead of before it.
     */
    private void afterSwitch(Duration settle, String restart, boolean discover) {
        long due = System.nanoTime() + settle.toNanos();
        owner.execute("dhcpcd after a switchover", () -> {
            if (!wanted || pendingSwitch != null && pendingRestart && restart == null) {
                return;
            }
            cancel(pendingSwitch);
            pendingRestart = restart != null;
            pendingSwitch = owner.schedule("dhcpcd after a switchover", due - System.nanoTime(), () -> {
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
        });
    }

    /** DHCP is no longer wanted (static addressing): dhcpcd releases and exits, in its own time. */
    public void releaseLater() {
        owner.execute("releasing dhcpcd's lease", () -> {
            wanted = false;
            keepLease = false;
            dropPending();
            settle();
        });
    }

    /**
     * dhcpcd is no longer wanted, but its lease is: it stops without a release (SIGTERM), in its
     * own time, and the server keeps the address for this client. Cheap when it does not run.
     */
    public void stopLater() {
        owner.execute("stopping dhcpcd", () -> {
            if (!wanted) {
                return;
            }
            wanted = false;
            keepLease = true;
            dropPending();
            settle();
        });
    }

    /**
     * The bond goes away: dhcpcd releases the lease and exits. Waits until it has, on the owner's
     * thread (the bond's removal waits for it there anyway), after any operation under way.
     */
    public void release() {
        if (!owner.isOwner()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            owner.execute("releasing dhcpcd's lease", () -> {
                try {
                    release();
                } finally {
                    done.complete(null);
                }
            });
            done.orTimeout(LONGEST_OPERATION.multipliedBy(2).toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
            return;
        }
        wanted = false;
        generation++;
        dropPending();
        Future<?> before = underWay;
        if (before != null) {
            try {
                before.get(LONGEST_OPERATION.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warning("dhcpcd's last operation did not end in time: " + e);
            }
        }
        // A start that just ended has not been reported yet: the dhcpcd it started, or the pid file's.
        Optional<ProcessHandle> p = Optional.ofNullable(running).filter(ProcessHandle::isAlive)
                .or(() -> Optional.ofNullable(launched).filter(ProcessHandle::isAlive))
                .or(() -> DhcpcdFiles.running(paths, bond));
        String of = running != null ? runningBond : bond;
        running = null;
        p.ifPresent(h -> releaseBlocking(h, of));
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
                    stop(p, of);
                } else {
                    releaseBlocking(p, of);
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
                leftLease = lease(bond).address();
                leftIpv6 = List.of();
                leftAtMs = System.currentTimeMillis();
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
                command("--renew", of);
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
     * {@link #STOP_WAIT} is killed: the lab saw dhcpcd 9.4.1 leave a SIGTERM unanswered for 10 s,
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
                kill(old, of);
            } else {
                stop(old, of);
            }
            return null;
        }, (done, e) -> {
            if (discover) {
                left(of);
            }
            startOrAdopt(discover);
        });
    }

    /** SIGTERM, then SIGKILL (through the launcher) if that does not do within {@link #STOP_WAIT}. Blocks. */
    private void stop(ProcessHandle p, String of) {
        if (!stopped(p, of, false)) {
            kill(p, of);
        }
    }

    /** SIGKILL through the launcher, children and all; waits {@link #STOP_WAIT} for it to be gone. Blocks. */
    private void kill(ProcessHandle p, String of) {
        if (!stopped(p, of, true)) {
            LOG.warning("dhcpcd for " + of + " (pid " + p.pid() + ") outlived SIGKILL");
        }
    }

    /** Sends SIGTERM (or SIGKILL) to {@code p}; whether it is gone within {@link #STOP_WAIT}. */
    private boolean stopped(ProcessHandle p, String bond, boolean kill) {
        boolean sent = true;
        if (kill) {
            launcher.kill(p, bond);
        } else {
            sent = p.destroy();
        }
        try {
            ProcessExit.of(p).get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warning("dhcpcd for " + bond + " (pid " + p.pid() + ") still runs " + STOP_WAIT.toMillis() + " ms after "
                    + (kill ? "SIGKILL" : "SIGTERM") + (sent ? "" : ", which could not be sent")
                    + (kill ? "" : "; killing it"));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !p.isAlive();
        }
    }

    /** dhcpcd releases the lease of {@code of} and exits; stopped if it does not. Blocks. */
    private void releaseBlocking(ProcessHandle p, String of) {
        if (!p.isAlive()) {
            return;
        }
        command("--release", of);
        try {
            ProcessExit.of(p).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("dhcpcd for " + of + " did not exit after releasing; stopping it");
            p.destroy();
        }
    }

    /** Between the old dhcpcd's end and the new one's start: what the old network left (see {@link Leaving}). */
    private void left(String of) {
        try {
            leftIpv6 = List.copyOf(leaving.leave(of));
        } catch (RuntimeException e) {
            LOG.warning("could not read what the network " + of + " left: " + e);
        }
    }

    private void off() {
        forgetLeft();
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
            LOG.warning("could not write dhcpcd's configuration for " + bond + ": " + e.getMessage());
            retryLater();
            return;
        }
        Optional<ProcessHandle> found = DhcpcdFiles.running(paths, bond);
        if (found.isPresent()) {
            LOG.info("dhcpcd for " + bond + " is already running (pid " + found.get().pid() + "); adopting it");
            watch(found.get(), bond);
            if (rewritten) {
                reload();
            }
            return;
        }
        String of = bond;
        List<String> argv = List.of(paths.binary().toString(), "--config", conf(of).toString(), "--nobackground", of);
        offThread("starting dhcpcd for " + of, () -> launched = launcher.launch(argv, of, paths), (p, e) -> {
            if (e != null) {
                LOG.warning("could not start dhcpcd for " + of + ": " + e.getMessage());
                retryLater();
                return;
            }
            startedNanos = System.nanoTime();
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
            LOG.warning("dhcpcd for " + of + " exited; starting it again in " + pause.toMillis() + " ms");
            retryLater();
        }));
    }

    private void retryLater() {
        state = "restarting";
        changed.run();
        if (System.nanoTime() - startedNanos > HEALTHY.toNanos()) {
            pause = FIRST_PAUSE;
        }
        Duration wait = pause;
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        pendingStart = owner.schedule("starting dhcpcd again", wait.toNanos(), () -> {
            pendingStart = null;
            settle();
        });
    }

    /**
     * The capability {@link #command} takes: dhcpcd runs as its own privilege-separated user, and
     * its command line, run by the helper, signals it (renew, rebind, release). Root without
     * CAP_KILL may signal only its own user's processes.
     */
    public static final String SIGNAL_CAPABILITY = "CAP_KILL";

    /**
     * Has the running dhcpcd reload the file the helper just wrote, and makes sure it did. --rebind
     * (SIGHUP) is how dhcpcd reloads, but dhcpcd 9.4 drops a SIGHUP that comes while it is busy:
     * two rebinds a millisecond apart give one "received SIGHUP", and in the lab a lost one kept a
     * removed fallback address on the bond. A reload reads the file, which moves its access time
     * past the time it was written (relatime, the default for /run), so the helper sees whether it
     * happened, and asks again. If it never does (a file system mounted noatime shows no read),
     * dhcpcd is started anew, which reads the file for certain.
     */
    private void reload() {
        String of = bond;
        offThread("dhcpcd reloading for " + of, () -> {
            for (int ask = 1; ask <= RELOAD_ASKS; ask++) {
                command("--rebind", of);
                if (DhcpcdFiles.readSinceWritten(conf(of), RELOAD_WAIT)) {
                    return true;
                }
                LOG.info("dhcpcd for " + of + " has not read its new configuration " + RELOAD_WAIT.toSeconds()
                        + " s after being asked (" + ask + " of " + RELOAD_ASKS + ")");
            }
            return false;
        }, (read, e) -> {
            if (!Boolean.TRUE.equals(read)) {
                restartDue = "dhcpcd for " + of + " does not reload its configuration; starting it anew";
                restartDiscovers = false;
            }
        });
    }

    /**
     * Sends a control command to the running dhcpcd through dhcpcd itself. Without the helper's
     * file: the command line reads the file it is given, and {@link #reload} tells by that file's
     * reads whether the running one reloaded it.
     */
    private void command(String what, String of) {
        List<String> argv = List.of(paths.binary().toString(), what, of);
        try {
            String out = ChildProcess.run(argv, "", COMMAND_TIMEOUT).output();
            LOG.info("dhcpcd " + what + " " + of + (out.isEmpty() ? "" : ": " + out));
        } catch (IOException e) {
            LOG.warning("dhcpcd " + what + " " + of + " failed: " + e.getMessage());
        }
    }

    /** Writes the configuration file; whether its text changed. */
    private boolean writeConfig() throws IOException {
        Path conf = conf(bond);
        String text = discoverFirst ? configText + DhcpcdConfig.DISCOVER_FIRST : configText;
        if (Files.exists(conf) && Files.readString(conf, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Files.createDirectories(paths.configDir());
        AtomicFile.write(conf, text, "rw-r--r--");
        return true;
    }

    /** The configuration file the helper writes for the bond; dhcpcd's unit reads the same. */
    private Path conf(String of) {
        return paths.configDir().resolve("dhcpcd-" + of + ".conf");
    }

    private static void cancel(Owner.Timer t) {
        Optional.ofNullable(t).ifPresent(Owner.Timer::cancel);
    }

    /** The helper stops; dhcpcd keeps the lease and is adopted by the next helper. */
    @Override
    public void close() {
        blocking.shutdownNow();
    }
}
