package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import org.bondtray.helper.ChildProcess;
import org.bondtray.helper.config.AtomicFile;
import org.bondtray.helper.kernel.ProcessExit;

/**
 * How the helper acts on dhcpcd: its configuration file, its start, its signals and its own
 * command line. {@link Dhcpcd} decides when; everything here may block, and runs off the owner's
 * thread but for the file's write. Commands are argument vectors, never strings for a shell.
 */
final class DhcpcdControl {
    private static final Logger LOG = Logger.getLogger(DhcpcdControl.class.getName());
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
    static final Duration LONGEST_OPERATION = RELOAD_WAIT.plus(COMMAND_TIMEOUT).multipliedBy(RELOAD_ASKS);

    private final Dhcpcd.Paths paths;
    private final Dhcpcd.Launcher launcher;

    DhcpcdControl(Dhcpcd.Paths paths, Dhcpcd.Launcher launcher) {
        this.paths = paths;
        this.launcher = launcher;
    }

    /** The lease of {@code bond}, as its lease files say now. */
    Lease lease(String bond) {
        return Lease.read(paths.stateDir(), bond);
    }

    /** The dhcpcd already serving {@code bond} (a helper's restart adopts it), by its pid file. */
    Optional<ProcessHandle> running(String bond) {
        return DhcpcdFiles.running(paths, bond);
    }

    /** Starts dhcpcd for {@code bond} with the helper's file. Blocks. */
    ProcessHandle start(String bond) throws IOException {
        return launcher.launch(List.of(paths.binary().toString(), "--config", conf(bond).toString(), "--nobackground",
                bond), bond, paths);
    }

    /** SIGTERM, then SIGKILL (through the launcher) if that does not do within {@link #STOP_WAIT}. Blocks. */
    void stop(ProcessHandle p, String bond) {
        if (!stopped(p, bond, false)) {
            kill(p, bond);
        }
    }

    /** SIGKILL through the launcher, children and all; waits {@link #STOP_WAIT} for it to be gone. Blocks. */
    void kill(ProcessHandle p, String bond) {
        if (!stopped(p, bond, true)) {
            LOG.warning("dhcpcd for " + bond + " (pid " + p.pid() + ") outlived SIGKILL");
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

    /** dhcpcd releases the lease of {@code bond} and exits; stopped if it does not. Blocks. */
    void release(ProcessHandle p, String bond) {
        if (!p.isAlive()) {
            return;
        }
        command("--release", bond);
        try {
            ProcessExit.of(p).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("dhcpcd for " + bond + " did not exit after releasing; stopping it");
            p.destroy();
        }
    }

    /**
     * Has the running dhcpcd reload the file the helper just wrote, and makes sure it did; whether
     * it did. --rebind (SIGHUP) is how dhcpcd reloads, but dhcpcd 9.4 drops a SIGHUP that comes
     * while it is busy: two rebinds a millisecond apart give one "received SIGHUP", and in the lab
     * a lost one kept a removed fallback address on the bond. A reload reads the file, which moves
     * its access time past the time it was written (relatime, the default for /run), so the
     * helper sees whether it happened, and asks again. Blocks.
     */
    boolean reload(String bond) {
        for (int ask = 1; ask <= RELOAD_ASKS; ask++) {
            command("--rebind", bond);
            if (DhcpcdFiles.readSinceWritten(conf(bond), RELOAD_WAIT)) {
                return true;
            }
            LOG.info("dhcpcd for " + bond + " has not read its new configuration " + RELOAD_WAIT.toSeconds()
                    + " s after being asked (" + ask + " of " + RELOAD_ASKS + ")");
        }
        return false;
    }

    /**
     * Sends a control command to the running dhcpcd through dhcpcd itself. Without the helper's
     * file: the command line reads the file it is given, and {@link #reload} tells by that file's
     * reads whether the running one reloaded it. Blocks.
     */
    void command(String what, String bond) {
        List<String> argv = List.of(paths.binary().toString(), what, bond);
        try {
            String out = ChildProcess.run(argv, "", COMMAND_TIMEOUT).output();
            LOG.info("dhcpcd " + what + " " + bond + (out.isEmpty() ? "" : ": " + out));
        } catch (IOException e) {
            LOG.warning("dhcpcd " + what + " " + bond + " failed: " + e.getMessage());
        }
    }

    /** Writes the configuration file of {@code bond}; whether its text changed. */
    boolean writeConfig(String bond, String text) throws IOException {
        Path conf = conf(bond);
        if (Files.exists(conf) && Files.readString(conf, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Files.createDirectories(paths.configDir());
        AtomicFile.write(conf, text, "rw-r--r--");
        return true;
    }

    /** The configuration file the helper writes for the bond; dhcpcd's unit reads the same. */
    private Path conf(String bond) {
        return paths.configDir().resolve("dhcpcd-" + bond + ".conf");
    }
}
