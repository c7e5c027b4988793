package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bondtray.helper.Owner;

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
 * <p>This class is the face the rest of the helper sees, and moves each call to the owner's
 * thread. {@link DhcpcdSupervisor} decides there what to do next; {@link DhcpcdControl} does it:
 * files, signals and dhcpcd's own command line, as argument vectors, never strings for a shell.
 */
public final class Dhcpcd implements AutoCloseable {
    /** Switchovers in a burst (a flapping cable) cost one renewal, this long after the last. */
    private static final Duration RENEW_SETTLE = Duration.ofSeconds(2);
    /** Another network: the address is dead, so the wait is short; it still spares a flapping cable. */
    private static final Duration NETWORK_SETTLE = Duration.ofMillis(300);

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

    private final Owner owner;
    private final DhcpcdControl control;
    private final DhcpcdSupervisor supervisor;

    /** {@code changed} runs on the owner's thread whenever {@link #state} may have changed. */
    public Dhcpcd(Paths paths, Launcher launcher, Owner owner, Runnable changed) {
        this(paths, launcher, owner, changed, Leaving.NOTHING);
    }

    /** As above; {@code leaving} is asked what the bond carries of a network it leaves. */
    public Dhcpcd(Paths paths, Launcher launcher, Owner owner, Runnable changed, Leaving leaving) {
        this.owner = owner;
        this.control = new DhcpcdControl(paths, launcher);
        this.supervisor = new DhcpcdSupervisor(control, owner, changed, leaving);
    }

    /** "off", "running" or "restarting": for the API. */
    public String state() {
        return supervisor.state();
    }

    /** The lease of the bond dhcpcd runs for, as its lease files say now. */
    public Lease lease(String ifname) {
        return control.lease(ifname);
    }

    /**
     * The addresses a dhcpcd started for another network left on the bond, once that network's
     * lease is in: the helper takes them off (see {@link LeftLease#gone}). Asked once per look,
     * on the owner's thread.
     */
    public List<String> leftBehind(Lease now) {
        return supervisor.leftBehind(now);
    }

    /**
     * Makes sure dhcpcd runs for {@code ifname} with the configuration {@code text} (from
     * {@link DhcpcdConfig}); cheap when it already does. A running dhcpcd whose configuration
     * changed is told to reload it.
     */
    public void ensure(String ifname, String text) {
        owner.execute("supervising dhcpcd for " + ifname, () -> supervisor.want(ifname, text));
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
     * A renewal ({@code restart} null) or a new dhcpcd (logged with the note), once switchovers
     * have settled for {@code settle}, counted from now: a look under way on the owner's thread is
     * spent inside the settle instead of before it.
     */
    private void afterSwitch(Duration settle, String restart, boolean discover) {
        long due = System.nanoTime() + settle.toNanos();
        owner.execute("dhcpcd after a switchover", () -> supervisor.afterSwitch(due, restart, discover));
    }

    /** DHCP is no longer wanted (static addressing): dhcpcd releases and exits, in its own time. */
    public void releaseLater() {
        owner.execute("releasing dhcpcd's lease", supervisor::releaseLater);
    }

    /**
     * dhcpcd is no longer wanted, but its lease is: it stops without a release (SIGTERM), in its
     * own time, and the server keeps the address for this client. Cheap when it does not run.
     */
    public void stopLater() {
        owner.execute("stopping dhcpcd", supervisor::stopLater);
    }

    /**
     * The bond goes away: dhcpcd releases the lease and exits. Waits until it has, on the owner's
     * thread (the bond's removal waits for it there anyway), after any operation under way.
     */
    public void release() {
        if (owner.isOwner()) {
            supervisor.release();
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        owner.execute("releasing dhcpcd's lease", () -> {
            try {
                supervisor.release();
            } finally {
                done.complete(null);
            }
        });
        done.orTimeout(DhcpcdControl.LONGEST_OPERATION.multipliedBy(2).toSeconds(), TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    /**
     * The capability dhcpcd's command line takes ({@link DhcpcdControl#command}): dhcpcd runs as
     * its own privilege-separated user, and its command line, run by the helper, signals it
     * (renew, rebind, release). Root without CAP_KILL may signal only its own user's processes.
     */
    public static final String SIGNAL_CAPABILITY = "CAP_KILL";

    /** The helper stops; dhcpcd keeps the lease and is adopted by the next helper. */
    @Override
    public void close() {
        supervisor.close();
    }
}
