package org.bondtray.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine. In CI a missing piece fails the test (CI installs
 * everything, so missing means broken); on a developer's machine it skips the test and says how
 * to get it.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Fails or skips the calling test unless every program (→ its Debian package) is installed. */
    public static void programs(Map<String, String> programs) {
        List<String> missing = programs.keySet().stream().filter(p -> !onPath(p)).sorted()
                .map(p -> p + " (Debian package " + programs.get(p) + ")").toList();
        if (missing.isEmpty()) {
            return;
        }
        String why = "needs " + String.join(", ", missing) + "; sudo src/lab/prepare installs them";
        if (inCi()) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
    }
}
