package org.bondtray.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The noarch build, for ARM laptops, the Raspberry Pi and distributions that package Java
 * themselves: the .deb's tree without its runtime (the launchers find the system's Java 25, see
 * {@code java-runtime}), with JavaFX for x86_64 and aarch64 in folders named as {@code uname -m}
 * names them, and the systemd and zsh files where every distribution but Debian 12 looks. It is
 * a tarball with the install script, and the one source of the Arch package and the RPM, whose
 * PKGBUILD and spec are written beside it.
 */
final class Noarch {

    private Noarch() {
    }

    /**
     * Builds {@code bondtray-VERSION-noarch.tar.gz} in {@code outDir} from the .deb's {@code tree}
     * and the aarch64 JavaFX jars in {@code javafxAarch64}; returns the tarball.
     */
    static Path build(FileTree tree, Path files, String version, Path outDir, Path javafxAarch64)
            throws IOException, InterruptedException {
        Path work = outDir.resolve("package/noarch");
        FileTree.delete(work);
        Path root = work.resolve("root");
        try (Stream<Path> all = Files.walk(tree.root())) {
            for (Path p : all.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String to = place(tree.root().relativize(p).toString());
                if (to != null) {
                    copy(p, root.resolve(to));
                }
            }
        }
        for (Path jar : FileTree.list(javafxAarch64)) {
            if (jar.getFileName().toString().endsWith("-linux-aarch64.jar")) {
                copy(jar, root.resolve("usr/lib/bondtray/javafx/aarch64/" + jar.getFileName()));
            }
        }
        copy(files.resolve("uninstall"), root.resolve("usr/lib/bondtray/uninstall"));
        copy(files.resolve("install"), work.resolve("install"));
        String top = "bondtray-" + version;
        Path tarball = Tarball.pack(work, top, outDir.resolve(top + "-noarch.tar.gz"));
        writeRecipes(files, version, outDir, root, sha256(tarball));
        return tarball;
    }

    /** Where a file of the .deb's tree goes in the noarch tree; null for what it leaves out. */
    static String place(String path) {
        if (path.startsWith("usr/lib/bondtray/runtime/") || path.startsWith("usr/share/lintian/")) {
            return null;
        }
        if (path.startsWith("lib/")) {
            // Debian 12 alone keeps units in /lib; everywhere /usr/lib is the place (and /lib a link to it).
            return "usr/" + path;
        }
        if (path.startsWith("usr/lib/bondtray/javafx/") && path.endsWith(".so")) {
            // A noarch package carries no visible native code (rpmlint and namcap refuse it): JavaFX
            // unpacks its libraries from the jars, as it does for any application run from them.
            return null;
        }
        if (path.startsWith("usr/lib/bondtray/javafx/")) {
            return "usr/lib/bondtray/javafx/x86_64/" + path.substring("usr/lib/bondtray/javafx/".length());
        }
        if (path.startsWith("usr/share/zsh/vendor-completions/")) {
            return "usr/share/zsh/site-functions/" + path.substring("usr/share/zsh/vendor-completions/".length());
        }
        return path;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The PKGBUILD (with its install file) and the RPM spec, from their templates in
     * {@code files/arch} and {@code files/rpm}, for the tarball whose SHA-256 is {@code sha}.
     */
    private static void writeRecipes(Path files, String version, Path outDir, Path root, String sha) throws IOException {
        Path arch = outDir.resolve("package/arch");
        Path rpm = outDir.resolve("package/rpm");
        FileTree.delete(arch);
        FileTree.delete(rpm);
        Files.createDirectories(arch);
        Files.createDirectories(rpm);
        Files.writeString(arch.resolve("PKGBUILD"), fill(files.resolve("arch/PKGBUILD"), version, sha, ""));
        Files.copy(files.resolve("arch/bondtray.install"), arch.resolve("bondtray.install"));
        Files.writeString(rpm.resolve("bondtray.spec"), fill(files.resolve("rpm/bondtray.spec"), version, sha,
                rpmFiles(root)));
        Files.copy(files.resolve("rpm/bondtray.rpmlintrc"), rpm.resolve("bondtray.rpmlintrc"));
    }

    private static String fill(Path template, String version, String sha, String fileList) throws IOException {
        return Files.readString(template)
                .replace("@UPSTREAM_VERSION@", version)
                .replace("@PKGVER@", archVersion(version))
                .replace("@RPM_VERSION@", rpmVersion(version))
                .replace("@SHA256@", sha)
                .replace("@DATE@", java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd yyyy", java.util.Locale.ROOT)
                        .format(java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
                .replace("@FILES@", fileList.strip());
    }

    /** Arch's pkgver has no hyphen; a pre-release's letters right after the number sort before it. */
    static String archVersion(String maven) {
        return maven.replace("-SNAPSHOT", "snapshot").replace("-", "");
    }

    /** RPM's version has no hyphen; a tilde sorts before the release. */
    static String rpmVersion(String maven) {
        return maven.replace("-SNAPSHOT", "~snapshot").replace('-', '~');
    }

    /** A path as a spec names it: through the distribution's macros, as rpmlint asks. */
    static String specPath(String path) {
        String[][] macros = {{"/usr/lib/bondtray", "%{bondtraydir}"}, {"/usr/lib/", "%{_prefix}/lib/"},
            {"/usr/bin/", "%{_bindir}/"}, {"/usr/share/", "%{_datadir}/"}, {"/etc/", "%{_sysconfdir}/"}};
        for (String[] m : macros) {
            if (path.startsWith(m[0])) {
                return m[1] + path.substring(m[0].length());
            }
        }
        return path;
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The spec's %files, from the noarch tree: every file (the install script's uninstall aside),
     * the folders that are Bondtray's own, the documents and licence marked, /etc as configuration.
     */
    static String rpmFiles(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted().toList()) {
                String path = "/" + root.relativize(p);
                if (path.equals("/") || path.equals("/usr/lib/bondtray/uninstall")) {
                    continue;
                }
                String spec = specPath(path);
                boolean own = path.startsWith("/usr/lib/bondtray") || path.startsWith("/usr/share/doc/bondtray");
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (own) {
                        out.append("%dir ").append(spec).append('\n');
                    }
                } else if (path.equals("/usr/share/doc/bondtray/copyright")) {
                    out.append("%license ").append(spec).append('\n');
                } else if (path.startsWith("/usr/share/doc/")) {
                    out.append("%doc ").append(spec).append('\n');
                } else if (path.startsWith("/etc/")) {
                    out.append("%config(noreplace) ").append(spec).append('\n');
                } else {
                    out.append(spec).append('\n');
                }
            }
        }
        return out.toString();
    }
}
