package org.bondtray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bondtray.helper.HelperMain;
import org.bondtray.net.NetSysfs;
import org.bondtray.testing.PrivateBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the real helper on a real bus, on this kernel without bonding. */
class CliOnUnsupportedKernelTest {
    @TempDir
    static Path dir;
    private static PrivateBus bus;
    private static HelperMain.Running helper;

    @BeforeAll
    static void start() throws Exception {
        PrivateBus.assumeAvailable();
        Assumptions.assumeFalse(NetSysfs.system().bondingLoaded(), "this kernel has bonding; the lab covers it");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root for the helper's probe");
        bus = new PrivateBus(dir);
        helper = HelperMain.start(bus.address(), dir.resolve("etc"), NetSysfs.system());
    }

    @AfterAll
    static void stop() throws Exception {
        if (helper != null) {
            helper.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        return cliIn(java.util.Locale.ENGLISH, args);
    }

    private static Run cliIn(java.util.Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), bus.address(), locale).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inJapaneseTheCommandLineSpeaksJapaneseAndKeepsTheApisWords() {
        Run unknown = cliIn(java.util.Locale.JAPANESE, "frobnicate");
        assertEquals(Cli.USAGE, unknown.exit());
        assertTrue(unknown.err().startsWith("bondtray: 不明なコマンド frobnicate\n"), unknown.err());
        Run status = cliIn(java.util.Locale.JAPANESE, "status");
        assertEquals(Cli.OK, status.exit(), status.err());
        assertTrue(status.out().startsWith("bond0: unsupported"), "the state as the API spells it: " + status.out());
        assertTrue(status.out().contains("  優先"), status.out());
        Run setup = cliIn(java.util.Locale.JAPANESE, "setup", "--miimon", "soon");
        assertEquals(Cli.USAGE, setup.exit());
        assertTrue(setup.err().startsWith("bondtray: --miimon にはミリ秒を指定します\n"), setup.err());
    }

    @Test
    void statusSaysUnsupportedInWordsAndInJson() {
        Run text = cli("status");
        assertEquals(Cli.OK, text.exit(), text.err());
        assertTrue(text.out().startsWith("bond0: unsupported"), text.out());
        assertTrue(text.out().contains("no bonding driver"), text.out());
        Run json = cli("status", "--json");
        assertEquals(Cli.OK, json.exit(), json.err());
        assertTrue(json.out().contains("\"State\":\"unsupported\""), json.out());
    }

    @Test
    void aBadPortNameIsRefusedWithTheReason() {
        Run r = cli("switch", "../etc/passwd");
        assertEquals(Cli.REFUSED, r.exit());
        assertTrue(r.err().contains("interface name"), r.err());
    }

    @Test
    void aChangeWithoutAuthorizationSaysSo() {
        Run r = cli("switch", "wired");
        assertEquals(Cli.NOT_AUTHORIZED, r.exit(), r.err());
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertEquals(Cli.USAGE, cli("frobnicate").exit());
        assertEquals(Cli.USAGE, cli("setup", "--colour", "blue").exit());
        assertEquals(Cli.USAGE, cli("setup", "--miimon", "soon").exit());
    }
}
