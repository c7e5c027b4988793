package org.bondtray.helper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the helper runs and waits for (resolvconf, dhcpcd's control commands): bounded in
 * time, output included. Its output is read on a thread of its own, so a child that hangs with
 * its output open cannot hold the helper's worker past the timeout; it is then killed with
 * whatever it started. No shell: the argument vector goes to the kernel as it is.
 */
public final class ChildProcess {
    /** Output kept; a chatty child cannot fill the helper's memory. */
    private static final int MAX_OUTPUT = 64 * 1024;

    /** How it ended and what it said (stdout and stderr together, stripped). */
    public record Result(int exit, String output) {
    }

    /** The child did not end in time and was killed. */
    public static final class TimedOut extends IOException {
        TimedOut(String message) {
            super(message);
        }
    }

    private ChildProcess() {
    }

    /** Runs {@code argv} with {@code input} on its stdin ("" for none), for at most {@code timeout}. */
    public static Result run(List<String> argv, String input, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().name("child-output").start(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (out) {
                        out.write(buf, 0, Math.max(0, Math.min(n, MAX_OUTPUT - out.size())));
                    }
                }
            } catch (IOException closed) {
                // killed, or it closed its output: what was read is kept
            }
        });
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // it ended (or closed stdin) before reading: its exit says how it went
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new TimedOut(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s; killed");
            }
            // Whatever it left running may hold the output open: the reader gets a moment, not more.
            reader.join(Duration.ofSeconds(1));
            synchronized (out) {
                return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + argv.get(0) + " ran");
        }
    }
}
