package org.bondtray.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The arrows ARCHITECTURE.md says must never exist, read from the sources: a name used in code
 * (an import or a qualified name outside comments) is an arrow.
 */
class ArrowsTest {
    private static final Path MAIN = Path.of("src/main/java/org/bondtray");

    /** Files under {@code dir} (only its own files when {@code deep} is false) that use any of {@code names}. */
    private static List<String> using(Path dir, boolean deep, List<String> except, String... names) throws IOException {
        Pattern use = Pattern.compile("\\b(" + String.join("|", Stream.of(names).map(Pattern::quote).toList()) + ")");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = deep ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (except.contains(f.getFileName().toString())) {
                    continue;
                }
                boolean comment = false;
                for (String line : Files.readAllLines(f)) {
                    String code = line.strip();
                    if (code.startsWith("/*")) {
                        comment = true;
                    }
                    if (!comment && !code.startsWith("//") && use.matcher(code).find()) {
                        found.add(MAIN.relativize(f) + ": " + code);
                    }
                    if (code.contains("*/")) {
                        comment = false;
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theClientImportsNothingOfTheHelper() throws IOException {
        assertEquals(List.of(), using(MAIN.resolve("cli"), true, List.of(), "org.bondtray.helper"));
        assertEquals(List.of(), using(MAIN.resolve("tray"), true, List.of(), "org.bondtray.helper"));
    }

    @Test
    void theRootDaemonLoadsNoDesktop() throws IOException {
        assertEquals(List.of(), using(MAIN.resolve("helper"), true, List.of(),
                "org.bondtray.tray", "org.bondtray.cli", "javafx.", "java.awt"));
    }

    /** The decisions throw Refusal; only the bus adapter and the assembly know the bus's errors. */
    @Test
    void theDecisionsKnowNoBus() throws IOException {
        assertEquals(List.of(), using(MAIN.resolve("helper"), false, List.of("HelperMain.java"),
                "org.freedesktop.dbus", "org.bondtray.Error"));
    }

    @Test
    void theHelpersIoKnowsNotItsOwnBus() throws IOException {
        for (String io : List.of("kernel", "dhcp", "dns", "config", "takeover", "wifi")) {
            assertEquals(List.of(), using(MAIN.resolve("helper").resolve(io), true, List.of(),
                    "org.bondtray.Error", "org.bondtray.helper.bus"), io);
        }
    }

    /** The decisions reach the kernel through Kernel alone, so the whole helper runs on another one. */
    @Test
    void theDecisionsReachTheKernelThroughItsInterface() throws IOException {
        assertEquals(List.of(), using(MAIN.resolve("helper"), false, List.of(), "new Rtnetlink", "new KernelEvents",
                "Rtnetlink rt", "Rtnetlink own"));
    }
}
