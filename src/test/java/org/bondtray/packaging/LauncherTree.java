package org.bondtray.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The package's {@code bondtray} launcher as it installs, under a folder of a test's own, with a
 * stand-in for the Java runtime it runs: the launcher's shell logic, run as shipped, without a JVM.
 */
final class LauncherTree {
    private LauncherTree() {
    }

    /** Lays out {@code usr/lib/bondtray} under {@code dir} with {@code java}; returns the launcher. */
    static Path install(Path dir, String java) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("usr/lib/bondtray"));
        for (String sub : new String[] {"lib", "client", "javafx", "runtime/bin"}) {
            Files.createDirectories(lib.resolve(sub));
        }
        Files.copy(Path.of("src/package/files/java-runtime"), lib.resolve("java-runtime"));
        executable(lib.resolve("runtime/bin/java"), java);
        Path launcher = dir.resolve("bondtray");
        executable(launcher, Files.readString(Path.of("src/package/files/bondtray"))
                .replace("lib=/usr/lib/bondtray", "lib='" + lib + "'"));
        return launcher;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
