package org.bondtray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.bondtray.testing.PrivateBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A system bus, but no helper on it and none it can start (Bondtray not installed, or removed):
 * every command that needs the helper says so and exits 3, without waiting for a start that
 * cannot come. Its time is in the figures (a benchmark's business, not a test's).
 */
class CliWithoutHelperTest {
    @TempDir
    Path dir;

    @Test
    void noHelperAndNoActivationFileIsSaidWithExit3() throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            for (String command : new String[] {"status", "switch", "confirm"}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                String[] args = command.equals("switch") ? new String[] {command, "wired"} : new String[] {command};
                int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), bus.address(), Locale.ENGLISH).run(args);
                assertEquals(Cli.UNREACHABLE, exit, command);
                assertEquals("bondtray: the helper is not running and cannot be started (org.bondtray.Helper is not "
                        + "on the system bus); is bondtray installed?\n", err.toString(StandardCharsets.UTF_8), command);
                assertEquals("", out.toString(StandardCharsets.UTF_8), command);
            }
        }
    }
}
