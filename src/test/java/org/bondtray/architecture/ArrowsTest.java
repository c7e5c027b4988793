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
    /** Where each module's code is: the package folders under org/bondtray. */
    private static final Path CLIENT = Path.of("client/src/main/java/org/bondtray");
    private static final Path HELPER = Path.of("helper/src/main/java/org/bondtray/helper");

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
                        found.add(f + ": " + code);
                    }
                    if (code.contains("*/")) {
                        comment = false;
                    }
                }
            }
        }
        return found;
    }

    /**
     * The modules' own arrows: the compiler refuses what a module's pom does not name, so these
     * are the arrows. helper and client see common; nothing sees the helper but the product.
     */
    @Test
    void theModulesDependOnCommonOnly() throws IOException {
        assertEquals(List.of("bondtray-common", "slf4j-jdk14"), dependencies("helper"));
        assertEquals(List.of("bondtray-common", "javafx-controls", "slf4j-jdk14"), dependencies("client"));
        assertEquals(List.of("dbus-java-core", "dbus-java-transport-native-unixsocket"), dependencies("common"));
    }

    /** The artifacts a module's pom depends on, in its order. */
    private static List<String> dependencies(String module) throws IOException {
        String pom = Files.readString(Path.of(module, "pom.xml"));
        String deps = pom.substring(pom.indexOf("<dependencies>"), pom.indexOf("</dependencies>"));
        return Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(deps).results().map(m -> m.group(1)).toList();
    }

    @Test
    void theClientImportsNothingOfTheHelper() throws IOException {
        assertEquals(List.of(), using(CLIENT, true, List.of(), "org.bondtray.helper"));
    }

    @Test
    void theRootDaemonLoadsNoDesktop() throws IOException {
        assertEquals(List.of(), using(HELPER, true, List.of(),
                "org.bondtray.tray", "org.bondtray.cli", "javafx.", "java.awt"));
    }

    /** The decisions throw Refusal; only the bus adapter and the assembly know the bus's errors. */
    @Test
    void theDecisionsKnowNoBus() throws IOException {
        assertEquals(List.of(), using(HELPER, false, List.of("HelperMain.java"),
                "org.freedesktop.dbus", "org.bondtray.Error"));
    }

    @Test
    void theHelpersIoKnowsNotItsOwnBus() throws IOException {
        for (String io : List.of("kernel", "dhcp", "dns", "config", "takeover", "wifi")) {
            assertEquals(List.of(), using(HELPER.resolve(io), true, List.of(),
                    "org.bondtray.Error", "org.bondtray.helper.bus"), io);
        }
    }

    /** The decisions reach the kernel through Kernel alone, so the whole helper runs on another one. */
    @Test
    void theDecisionsReachTheKernelThroughItsInterface() throws IOException {
        assertEquals(List.of(), using(HELPER, false, List.of(), "new Rtnetlink", "new KernelEvents",
                "Rtnetlink rt", "Rtnetlink own"));
    }

    /** A file a newcomer can read through: none of the code's is over 400 lines. */
    @Test
    void noFileOfTheCodeIsOver400Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String module : List.of("common", "helper", "client")) {
            try (Stream<Path> files = Files.walk(Path.of(module, "src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    long lines = Files.readAllLines(f).size();
                    if (lines > 400) {
                        tooLong.add(f + ": " + lines);
                    }
                }
            }
        }
        assertEquals(List.of(), tooLong);
    }
}
