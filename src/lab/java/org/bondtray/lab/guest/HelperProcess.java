package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real bondtray-helper running in the VM as root, started the way its unit would start it,
 * and the users' command line, run as those users with {@code runuser}.
 */
final class HelperProcess {
    static final String CONFIG_DIR = "/etc/bondtray";
    private static final Path USER_LIB = Path.of("/run/bondtray-user-lib");

    private final Cmd cmd;
    private final GuestControl control;
    private Process helper;
    private String userClasspath;

    HelperProcess(Cmd cmd, GuestControl control) {
        this.cmd = cmd;
        this.control = control;
    }

    /** Starts the helper; returns the milliseconds until it owns its bus name. */
    long start() {
        long t0 = System.nanoTime();
        helper = cmd.start("bondtray-helper", control.javaCommand("org.bondtray.helper.HelperMain",
                "--config-dir", CONFIG_DIR));
        Wait.until("bondtray-helper on the system bus", Duration.ofSeconds(90), Duration.ofMillis(20), this::onBus);
        return (System.nanoTime() - t0) / 1_000_000;
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

    /** As a crash would: no shutdown hook, nothing cleaned. */
    void kill9() throws InterruptedException {
        helper.destroyForcibly().waitFor();
    }

    void stop() {
        Cmd.stop(helper, Duration.ofSeconds(5));
    }

    long pid() {
        return helper.pid();
    }

    long rssKb() throws IOException {
        return sample().rssKb();
    }

    long threads() throws IOException {
        return sample().threads();
    }

    ProcSample sample() throws IOException {
        return ProcSample.of(helper.pid());
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

    /** {@code bondtray ARGS} as {@code user}, left running; its output goes to {@code logs/<name>.log}. */
    Process startCli(String name, String user, String... args) {
        return cmd.start(name, cliCommand(user, args));
    }

    private String[] cliCommand(String user, String... args) {
        String[] java = control.javaCommand("org.bondtray.cli.Cli", args);
        int cp = List.of(java).indexOf("-cp") + 1;
        java[cp] = userClasspath();
        String[] argv = new String[java.length + 4];
        argv[0] = "runuser";
        argv[1] = "-u";
        argv[2] = user;
        argv[3] = "--";
        System.arraycopy(java, 0, argv, 4, java.length);
        return argv;
    }

    /**
     * The command line's class path, readable by a user: the build's classes are, but the
     * Maven repository sits in root's home, so its jars are copied out once.
     */
    private String userClasspath() {
        if (userClasspath == null) {
            try {
                Files.createDirectories(USER_LIB);
                StringBuilder cp = new StringBuilder();
                for (String entry : control.classpath().split(":")) {
                    Path p = Path.of(entry);
                    if (entry.endsWith(".jar")) {
                        Path copy = USER_LIB.resolve(p.getFileName());
                        Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        copy.toFile().setReadable(true, false);
                        p = copy;
                    }
                    cp.append(cp.isEmpty() ? "" : ":").append(p);
                }
                userClasspath = cp.toString();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return userClasspath;
    }
}
