package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's packages, and Bondtray installed from them as a user installs it: {@code dpkg -i}
 * of the .deb, so the helper runs only as the package has it (D-Bus activation through systemd,
 * under the shipped unit and its sandbox) and users run {@code /usr/bin/bondtray}.
 */
final class ProductPackage {
    static final String NAME = "bondtray";
    static final String LAUNCHER = "/usr/bin/bondtray";
    static final String LIB = "/usr/lib/bondtray";

    private ProductPackage() {
    }

    static Path deb(GuestControl control) {
        return only(control.project().resolve("target"), "bondtray_", ".deb");
    }

    /** The noarch tarball: the system's Java 25 runs it. */
    static Path noarch(GuestControl control) {
        return only(control.project().resolve("target"), "bondtray-", "-noarch.tar.gz");
    }

    /** Installs the .deb; returns dpkg's result. */
    static Cmd.Result install(Cmd cmd, GuestControl control) {
        try {
            // dpkg's man-db trigger rebuilds the whole manual index, minutes under TCG; the lab
            // turns it off as a machine's administrator can (the package installs its pages all the same).
            Files.deleteIfExists(Path.of("/var/lib/man-db/auto-update"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cmd.tryRun("dpkg", "-i", deb(control).toString());
    }

    static boolean installed(Cmd cmd) {
        return cmd.tryRun("dpkg-query", "-W", "-f=${Status}", NAME).out().strip().equals("install ok installed");
    }

    /** The one file in {@code dir} named {@code prefix…suffix}: the build makes exactly one. */
    static Path only(Path dir, String prefix, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix);
            }).toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + prefix + "*" + suffix + " in " + dir + ", found "
                        + found + "; run mvn package first");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
