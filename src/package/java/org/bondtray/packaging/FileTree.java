package org.bondtray.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder laid out as the installed system will be: every file is put with the mode it must
 * have there (0644, or 0755 for programs), so neither the package nor the install script need
 * to fix permissions afterwards.
 */
final class FileTree {
    private final Path root;

    FileTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The staging path of an absolute path on the installed system. */
    Path at(String installed) {
        return root.resolve(installed.substring(1));
    }

    void copy(Path from, String to) throws IOException {
        copy(from, to, Files.isExecutable(from));
    }

    void copy(Path from, String to, boolean program) throws IOException {
        Path target = at(to);
        Files.createDirectories(target.getParent());
        Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
        mode(target, program);
    }

    /** Every regular file directly in {@code from} into the folder {@code to}. */
    void copyAll(Path from, String to) throws IOException {
        for (Path f : list(from)) {
            if (Files.isRegularFile(f)) {
                copy(f, to + "/" + f.getFileName(), false);
            }
        }
    }

    void write(String to, String text) throws IOException {
        write(to, text.getBytes(StandardCharsets.UTF_8), false);
    }

    void write(String to, byte[] bytes, boolean program) throws IOException {
        Path target = at(to);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        mode(target, program);
    }

    /** Folders 0755; files 0644 unless {@code program} says which must run. */
    void normalize(java.util.function.Predicate<Path> program) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    mode(p, program.test(root.relativize(p)));
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

    private static void mode(Path p, boolean program) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(program ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
