package org.bondtray.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder laid out as the installed system will be: every file gets the mode it must have
 * there (0644, or 0755 for what {@code program} names), so neither the package nor the install
 * script need to fix permissions afterwards.
 */
final class FileTree {
    private final Path root;
    private final java.util.function.Predicate<Path> program;

    /** {@code program} tells, by path relative to the root, which files must keep an execute bit. */
    FileTree(Path root, java.util.function.Predicate<Path> program) {
        this.root = root;
        this.program = program;
    }

    Path root() {
        return root;
    }

    /** The staging path of an absolute path on the installed system. */
    Path at(String installed) {
        return root.resolve(installed.substring(1));
    }

    void copy(Path from, String to) throws IOException {
        Path target = at(to);
        Files.createDirectories(target.getParent());
        Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
        mode(target);
    }

    void write(String to, byte[] bytes) throws IOException {
        Path target = at(to);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        mode(target);
    }

    /** Folders 0755, files as {@link #mode}: for what was put there by others (jlink's runtime). */
    void normalize() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    mode(p);
                }
            }
        }
    }

    /** Bytes of every regular file: what dpkg calls Installed-Size, in KiB, rounded up per file. */
    long installedKib() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return (Files.size(p) + 1023) / 1024;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Regular files, relative to the root, in a stable order. */
    List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> Files.isRegularFile(p) && !Files.isSymbolicLink(p)).map(root::relativize).sorted().toList();
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private void mode(Path p) throws IOException {
        boolean runs = program.test(root.relativize(p));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(runs ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
