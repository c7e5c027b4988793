package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the lab's plain tools (ip, iw, hostapd, …) inside the VM, always as argument vectors,
 * and keeps a transcript of every command in {@code commands.log} so a failed scenario can be
 * replayed by hand. Lab code only: the product never runs these tools.
 */
final class Cmd {
    /** Longer than any command the lab waits for: the command line's own 5 minutes for a password. */
    static final Duration LONGEST = Duration.ofMinutes(6);

    private static final long STARTED = System.nanoTime();

    private final Path transcript;
    private final Path logs;

    Cmd(Path outDir) {
        this.transcript = outDir.resolve("commands.log");
        this.logs = outDir.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to completion and returns stdout; a non-zero exit is an error with stderr in it. */
    String run(String... argv) {
        Result r = tryRun(argv);
        if (r.exit != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + r.exit + ": " + r.err.strip());
        }
        return r.out;
    }

    /** Runs inside a network namespace. */
    String runIn(String netns, String... argv) {
        return run(inNetns(netns, argv));
    }

    record Result(int exit, String out, String err) {
    }

    /**
     * Runs to completion, or fails after {@link #LONGEST}: the command and what it started are
     * killed then. Its output goes through files, not pipes, so a command that hangs (or leaves a
     * child holding its output open) cannot hold the lab's thread past that.
     */
    Result tryRun(String... argv) {
        note("$ " + String.join(" ", argv));
        Path outFile = null;
        Path err = null;
        try {
            outFile = Files.createTempFile("cmd", ".out");
            err = Files.createTempFile("cmd", ".err");
            Process p = new ProcessBuilder(argv).redirectOutput(outFile.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(LONGEST.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish in " + LONGEST.toSeconds() + " s");
            }
            // Lenient decoding: what a hostile access point names may not be UTF-8.
            String out = new String(Files.readAllBytes(outFile), StandardCharsets.UTF_8);
            String errText = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                note("  exit " + p.exitValue() + ": " + errText.strip());
            }
            return new Result(p.exitValue(), out, errText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            // Also after a command that failed to start or was killed: the guest's /tmp is memory.
            deleteQuietly(outFile);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stray temporary file is no reason to fail a command that ran
            }
        }
    }

    /** Starts a long-running daemon with its output in {@code logs/<name>.log}. */
    Process start(String name, String... argv) {
        note("& " + String.join(" ", argv) + "   (log: logs/" + name + ".log)");
        try {
            Path log = logs.resolve(name + ".log");
            return new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a process whose output the caller reads; its errors go to {@code logs/<name>.log}. */
    Process startReading(String name, String... argv) {
        note("& " + String.join(" ", argv) + "   (read by the lab; errors: logs/" + name + ".log)");
        try {
            return new ProcessBuilder(argv)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process startIn(String netns, String name, String... argv) {
        return start(name, inNetns(netns, argv));
    }

    /** {@code argv} as {@code user}, from a plain login as runuser makes it (her groups read anew). */
    static String[] asUser(String user, String... argv) {
        return concat(new String[] {"runuser", "-u", user, "--"}, argv);
    }

    /** One argument vector of two. */
    static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    static String[] inNetns(String netns, String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        full.addAll(List.of(argv));
        return full.toArray(String[]::new);
    }

    Path logDir() {
        return logs;
    }

    /**
     * Adds a line to the transcript, stamped with the seconds since the lab's program started:
     * the gaps between stamps show where a scenario spends its time.
     */
    void note(String line) {
        String stamped = String.format(java.util.Locale.ROOT, "%8.1f %s%n", (System.nanoTime() - STARTED) / 1e9, line);
        try {
            Files.writeString(transcript, stamped, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stop(Process p, Duration grace) {
        if (p == null || !p.isAlive()) {
            return;
        }
        // dhcpcd's privilege-separated helpers outlive a parent killed in the middle of its
        // release, still holding the DHCPv6 port the next client on the link needs: whatever the
        // process started goes with it.
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
