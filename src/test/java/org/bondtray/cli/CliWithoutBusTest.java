package org.bondtray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line says on a machine with no system bus: at once, and what needs none works. */
class CliWithoutBusTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run cli(String address, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), address, java.util.Locale.ENGLISH).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String nowhere() {
        return "unix:path=" + dir.resolve("no-bus-here");
    }

    @Test
    void helpAndVersionNeedNoBus() {
        for (String help : new String[] {"--help", "-h", "help"}) {
            Run r = cli(nowhere(), help);
            assertEquals(Cli.OK, r.exit(), r.err());
            assertTrue(r.out().startsWith("usage: bondtray status|watch [--json]\n"), r.out());
            assertTrue(r.out().contains("bondtray wifi connect SSID [--password-file FILE]"), r.out());
            assertEquals("", r.err());
        }
        Run version = cli(nowhere(), "--version");
        assertEquals(Cli.OK, version.exit());
        assertTrue(version.out().matches("bondtray \\d+\\.\\d+\\.\\d+\\S*\n"), version.out());
    }

    @Test
    void aMisspeltCommandIsAUsageErrorWithoutAskingTheBus() {
        Run r = cli(nowhere(), "stauts");
        assertEquals(Cli.USAGE, r.exit());
        assertTrue(r.err().startsWith("bondtray: unknown command stauts\nusage: "), r.err());
    }

    /**
     * The bus library tries a missing socket again every 500 ms for 10 s by default. The command
     * line knocks once: a bus that appears 3 s later never hears from it, for it has answered.
     */
    @Test
    void noBusIsSaidAfterOneAttempt() throws Exception {
        Path socket = dir.resolve("late-bus");
        Run[] run = {null};
        Thread cli = Thread.ofPlatform().start(() -> run[0] = cli("unix:path=" + socket, "status"));
        cli.join(3000);
        AtomicInteger knocks = new AtomicInteger();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
            // A knock is hung up on at once, so a command line that retried ends all the same.
            long end = System.nanoTime() + 20_000_000_000L;
            do {
                try (SocketChannel c = server.accept()) {
                    knocks.addAndGet(c == null ? 0 : 1);
                }
                cli.join(100);
            } while (cli.isAlive() && System.nanoTime() < end);
        }
        assertEquals(0, knocks.get(), "no second attempt");
        assertEquals(Cli.UNREACHABLE, run[0].exit());
        assertTrue(run[0].err().startsWith("bondtray: cannot reach the system bus"), run[0].err());
    }

    /** A socket that is not there is said with its path, before the bus library is asked. */
    @Test
    void aMissingSocketIsNamed() {
        Run r = cli(nowhere(), "status");
        assertEquals(Cli.UNREACHABLE, r.exit());
        assertEquals("bondtray: cannot reach the system bus: Failed to connect to bus: no socket at "
                + dir.resolve("no-bus-here") + "\n", r.err());
    }

    @Test
    void onlyAddressesThatCannotBeReachedCountAsMissing() throws Exception {
        Path there = dir.resolve("bus socket");
        java.nio.file.Files.createFile(there);
        String gone = dir.resolve("gone").toString();
        assertEquals(java.util.Optional.of(gone), HelperClient.missingSocket("unix:path=" + gone));
        assertEquals(java.util.Optional.of(gone),
                HelperClient.missingSocket("unix:path=" + gone + ",guid=0123;unix:path=" + gone + "2"));
        assertEquals(java.util.Optional.empty(), HelperClient.missingSocket("unix:path=" + gone + ";tcp:host=localhost,port=1"));
        assertEquals(java.util.Optional.empty(), HelperClient.missingSocket("unix:abstract=/tmp/dbus-x"));
        // The specification escapes bytes as %XX: "bus%20socket" is the file "bus socket".
        assertEquals(java.util.Optional.empty(),
                HelperClient.missingSocket("unix:path=" + dir.resolve("bus%20socket")));
    }
}
