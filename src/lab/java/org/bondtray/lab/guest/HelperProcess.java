package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bondtray.api.BondtrayBus;

/**
 * The installed bondtray-helper, as a laptop runs it: started by D-Bus activation through systemd
 * under the package's unit and sandbox, and the users' command line, the package's
 * {@code /usr/bin/bondtray}, run as those users with {@code runuser}.
 */
final class HelperProcess {
    static final String CONFIG_DIR = "/etc/bondtray";
    static final String UNIT = "bondtray-helper.service";

    private final Cmd cmd;

    HelperProcess(Cmd cmd) {
        this.cmd = cmd;
    }

    /**
     * Has the bus start the helper, as a client's first call does; returns the milliseconds until
     * it owns its bus name. The bus gives up on an activation after 25 s, which a start under
     * emulation can take: systemd goes on with the unit all the same, and asking again joins it.
     */
    long start() {
        cmd.tryRun("systemctl", "reset-failed", UNIT);
        long t0 = System.nanoTime();
        // An activation the bus gave up on (a unit stopped while it started ends one without a
        // word from systemd) is asked for again: the bus only sends systemd a new request then.
        Wait.until("bondtray-helper on the system bus", Duration.ofSeconds(90), Duration.ofMillis(20),
                () -> onBus() || cmd.tryRun("busctl", "--system", "--timeout=90", "call", "org.freedesktop.DBus",
                        "/org/freedesktop/DBus", "org.freedesktop.DBus", "StartServiceByName", "su",
                        "org.bondtray.Helper", "0").exit() == 0 && onBus());
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** What the helper has logged this boot, as journald keeps it: one message per line. */
    static String log(Cmd cmd) {
        return Units.journal(cmd, UNIT);
    }

    boolean onBus() {
        return onBus(cmd);
    }

    /** Whether any bondtray-helper (this one, or one the bus activated) owns its name. */
    static boolean onBus(Cmd cmd) {
        return onBus(cmd, "org.bondtray.Helper");
    }

    /** Whether {@code name} has an owner on the system bus (asked without activating it). */
    static boolean onBus(Cmd cmd, String name) {
        return cmd.tryRun("busctl", "--system", "call", "org.freedesktop.DBus", "/org/freedesktop/DBus",
                "org.freedesktop.DBus", "NameHasOwner", "s", name).out().strip().equals("b true");
    }

    /** As a crash would: SIGKILL to the helper alone, no shutdown hook, nothing cleaned. */
    void kill9() {
        long pid = pid();
        cmd.run("systemctl", "kill", "--kill-whom=main", "--signal=SIGKILL", UNIT);
        Wait.until("the killed helper to be gone", Duration.ofSeconds(30), Duration.ofMillis(20),
                () -> !Files.exists(Path.of("/proc", Long.toString(pid))));
    }

    void stop() {
        cmd.tryRun("systemctl", "stop", UNIT);
    }

    /** The helper's process as systemd knows it (0 when it is not running). */
    long pid() {
        return Long.parseLong(cmd.run("systemctl", "show", "--property=MainPID", "--value", UNIT).strip());
    }

    long rssKb() throws IOException {
        return sample().rssKb();
    }

    long threads() throws IOException {
        return sample().threads();
    }

    ProcSample sample() throws IOException {
        return ProcSample.of(pid());
    }

    /**
     * gdbus calling {@code member} (Interface.Member) on the helper's bond0 object with
     * {@code args}, as the one who runs it (wrap it in {@link DesktopSession#asUser} for a user).
     */
    static String[] gdbus(String member, String... args) {
        return gdbus(List.of(), member, args);
    }

    /** As {@link #gdbus(String, String...)}, giving up after {@code seconds} instead of gdbus's 25. */
    static String[] gdbus(int seconds, String member, String... args) {
        return gdbus(List.of("--timeout", Integer.toString(seconds)), member, args);
    }

    private static String[] gdbus(List<String> options, String member, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("gdbus", "call", "--system"));
        argv.addAll(options);
        argv.addAll(List.of("--dest", BondtrayBus.BUS_NAME, "--object-path", BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND),
                "--method", member));
        argv.addAll(List.of(args));
        return argv.toArray(String[]::new);
    }

    /** {@code bondtray ARGS} as {@code user}: exit code, stdout, stderr. */
    Cmd.Result cli(String user, String... args) {
        return cmd.tryRun(cliCommand(user, args));
    }

    /**
     * {@code bondtray setup} as {@code user}: records setup_exit, setup_output and setup_ms, and
     * ends the scenario at once if it failed (everything after it would only time out).
     */
    void setup(Results r, String user) {
        long t0 = System.nanoTime();
        Cmd.Result setup = cli(user, "setup");
        r.put("setup_exit", setup.exit()).put("setup_output", output(setup))
                .put("setup_ms", (System.nanoTime() - t0) / 1_000_000);
        done(setup);
    }

    /** {@code bondtray setup OPTIONS} as {@code user}, ending the scenario at once with setup's output if it failed. */
    void setup(String user, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "setup";
        System.arraycopy(options, 0, args, 1, options.length);
        done(cli(user, args));
    }

    private static void done(Cmd.Result setup) {
        if (setup.exit() != 0) {
            throw new IllegalStateException("bondtray setup failed: " + output(setup));
        }
    }

    private static String output(Cmd.Result r) {
        return (r.out() + r.err()).strip();
    }

    /**
     * {@code bondtray ARGS} as {@code user} from a fresh login (runuser reads her groups anew):
     * a group she just joined counts there, not in her running session until she logs in again.
     */
    Cmd.Result cliInNewLogin(String user, String... args) {
        return cmd.tryRun(plainCliCommand(user, args));
    }

    /** {@code bondtray ARGS} as {@code user}, left running; its output goes to {@code logs/<name>.log}. */
    Process startCli(String name, String user, String... args) {
        // Left running and stopped by a signal, which a transient unit would not pass on; it
        // needs no authorization.
        return cmd.start(name, plainCliCommand(user, args));
    }

    /**
     * The package's command line as {@code user}: from her desktop when she is the one logged in
     * (polkit then knows her session and asks its agent), otherwise from a plain login shell.
     */
    static String[] cliCommand(String user, String... args) {
        return DesktopSession.asUser(user, Cmd.concat(new String[] {ProductPackage.LAUNCHER}, args));
    }

    private static String[] plainCliCommand(String user, String... args) {
        return Cmd.asUser(user, Cmd.concat(new String[] {ProductPackage.LAUNCHER}, args));
    }
}
