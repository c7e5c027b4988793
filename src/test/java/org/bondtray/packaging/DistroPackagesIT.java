package org.bondtray.packaging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.bondtray.testing.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The noarch build and the two packages made from it, built here with the distributions' own
 * tools as their packagers would: the RPM with rpmbuild and checked by rpmlint, the Arch package
 * with makepkg. Each holds the noarch tree's files, asks for the system's Java 25, and runs the
 * same system hooks as the .deb. (The noarch tarball itself is installed and used in the lab's
 * package scenario.)
 */
class DistroPackagesIT {
    private static final Path TARGET = Path.of(System.getProperty("bondtray.project.dir", ".")).resolve("target");
    private static Path noarch;
    /** Every file of the noarch tree as the packages install it, the tarball's uninstall script aside. */
    private static TreeSet<String> files;

    @BeforeAll
    static void theNoarchBuild() throws IOException {
        try (Stream<Path> s = Files.list(TARGET)) {
            noarch = s.filter(p -> p.getFileName().toString().endsWith("-noarch.tar.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no noarch tarball in " + TARGET + ": mvn package makes it"));
        }
        Path root = TARGET.resolve("package/noarch/root");
        files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).map(p -> "/" + root.relativize(p))
                    .filter(p -> !p.equals("/usr/lib/bondtray/uninstall")).forEach(files::add);
        }
    }

    @Test
    @DisplayName("noarch: no runtime of its own, JavaFX for x86_64 and for aarch64 (ARM code inside)")
    void theNoarchTreeCarriesJavaFxForBothProcessors() throws IOException {
        assertTrue(files.stream().noneMatch(f -> f.startsWith("/usr/lib/bondtray/runtime/")), "a runtime is carried");
        assertTrue(files.contains("/usr/lib/bondtray/java-runtime"), "the launchers' search for Java 25");
        assertTrue(files.contains("/usr/lib/systemd/system/bondtray-helper.service"), files.toString());
        assertTrue(files.contains("/usr/share/zsh/site-functions/_bondtray"), files.toString());
        for (String arch : List.of("x86_64", "aarch64")) {
            List<String> jars = files.stream().filter(f -> f.startsWith("/usr/lib/bondtray/javafx/" + arch + "/")).toList();
            assertEquals(3, jars.size(), arch + ": " + jars);
        }
        Path graphics;
        try (Stream<Path> s = Files.list(TARGET.resolve("package/noarch/root/usr/lib/bondtray/javafx/aarch64"))) {
            graphics = s.filter(p -> p.getFileName().toString().startsWith("javafx-graphics-")).findFirst().orElseThrow();
        }
        // ELF's e_machine: 183 is AArch64. A mislabelled x86 jar would start but never draw on ARM.
        try (ZipFile zip = new ZipFile(graphics.toFile())) {
            ZipEntry glass = zip.stream().filter(e -> e.getName().endsWith("libglass.so")).findFirst().orElseThrow();
            try (InputStream in = zip.getInputStream(glass)) {
                byte[] header = in.readNBytes(20);
                assertEquals(183, (header[18] & 0xff) | (header[19] & 0xff) << 8, "libglass.so's processor");
            }
        }
    }

    @Test
    @DisplayName("RPM: rpmbuild makes it from the noarch tarball; rpmlint finds no error and no warning")
    void rpm(@TempDir Path dir) throws Exception {
        Prerequisites.programs(Map.of("rpmbuild", "rpm", "rpmlint", "rpmlint"));
        Files.copy(noarch, dir.resolve(noarch.getFileName()));
        Path spec = dir.resolve("bondtray.spec");
        Files.copy(TARGET.resolve("package/rpm/bondtray.spec"), spec);
        Path filters = Files.copy(TARGET.resolve("package/rpm/bondtray.rpmlintrc"), dir.resolve("bondtray.rpmlintrc"));
        Result build = run(dir, List.of("rpmbuild", "-bb", "--define", "_topdir " + dir.resolve("rpmbuild"),
                "--define", "_sourcedir " + dir, spec.toString()));
        assertEquals(0, build.exit, build.output);
        Path rpm;
        try (Stream<Path> s = Files.walk(dir.resolve("rpmbuild/RPMS"))) {
            rpm = s.filter(p -> p.toString().endsWith(".noarch.rpm")).findFirst().orElseThrow(() -> new AssertionError(build.output));
        }
        Result list = run(dir, List.of("rpm", "-qpl", rpm.toString()));
        Result requires = run(dir, List.of("rpm", "-qp", "--requires", rpm.toString()));
        Result scripts = run(dir, List.of("rpm", "-qp", "--scripts", rpm.toString()));
        // The findings it leaves out are each explained in the rpmlintrc beside the spec.
        Result lint = run(dir, List.of("rpmlint", "--info", "--rpmlintrc", filters.toString(), spec.toString(),
                rpm.toString()));
        System.out.println("rpmlint " + rpm.getFileName() + ":\n  " + lint.output.strip().replace("\n", "\n  "));
        TreeSet<String> installed = new TreeSet<>(list.output.lines().filter(l -> !l.isBlank()).toList());
        installed.removeIf(p -> !files.contains(p) && files.stream().anyMatch(f -> f.startsWith(p + "/")));
        assertAll(
                () -> assertEquals(files, installed, "the RPM installs the noarch tree's files"),
                () -> assertTrue(requires.output.contains("java-headless >= 1:25"), requires.output),
                () -> assertTrue(scripts.output.contains("/usr/lib/bondtray/system-hooks release"), scripts.output),
                () -> assertTrue(scripts.output.contains("/usr/lib/bondtray/system-hooks reload"), scripts.output),
                () -> assertTrue(lint.output.contains(" 0 errors, 0 warnings"), "rpmlint:\n" + lint.output),
                () -> assertTrue(lint.output.lines().noneMatch(l -> l.contains(": E: ")), "rpmlint:\n" + lint.output));
    }

    @Test
    @DisplayName("Arch: makepkg makes it from the PKGBUILD and the noarch tarball, with no warning")
    void arch(@TempDir Path parent) throws Exception {
        Prerequisites.programs(Map.of("makepkg", "makepkg", "fakeroot", "fakeroot", "bsdtar", "libarchive-tools",
                "zstd", "zstd"));
        // makepkg refuses to run as root, as Arch's packagers never do: here it runs as nobody.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createDirectory(parent.resolve("arch"));
        Files.copy(noarch, dir.resolve(noarch.getFileName()));
        Files.copy(TARGET.resolve("package/arch/PKGBUILD"), dir.resolve("PKGBUILD"));
        Files.copy(TARGET.resolve("package/arch/bondtray.install"), dir.resolve("bondtray.install"));
        // --nodeps: Debian has no Arch packages to satisfy them; .PKGINFO's list is checked instead.
        List<String> makepkg = new ArrayList<>(List.of("makepkg", "--nodeps", "--noconfirm", "--nocolor"));
        if (root) {
            UserPrincipal nobody = parent.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.toList()) {
                    Files.setOwner(p, nobody);
                }
            }
        }
        // Arch's own package format, whatever Debian's makepkg.conf says.
        makepkg.addAll(0, List.of("env", "HOME=" + dir, "PKGEXT=.pkg.tar.zst"));
        if (root) {
            makepkg.addAll(0, List.of("runuser", "-u", "nobody", "--"));
        }
        Result build = run(dir, makepkg);
        System.out.println("makepkg:\n  " + build.output.strip().replace("\n", "\n  "));
        assertEquals(0, build.exit, build.output);
        Path pkg;
        try (Stream<Path> s = Files.list(dir)) {
            pkg = s.filter(p -> p.getFileName().toString().endsWith("-any.pkg.tar.zst")).findFirst()
                    .orElseThrow(() -> new AssertionError(build.output));
        }
        Result list = run(dir, List.of("bsdtar", "-tf", pkg.toString()));
        Result info = run(dir, List.of("bsdtar", "-xOf", pkg.toString(), ".PKGINFO"));
        Result install = run(dir, List.of("bsdtar", "-xOf", pkg.toString(), ".INSTALL"));
        TreeSet<String> installed = new TreeSet<>(list.output.lines().filter(l -> !l.endsWith("/") && !l.startsWith("."))
                .map(l -> "/" + l).toList());
        assertAll(
                () -> assertEquals(files, installed, "the package installs the noarch tree's files"),
                () -> assertTrue(info.output.contains("depend = java-runtime-headless>=25"), info.output),
                () -> assertTrue(info.output.contains("arch = any"), info.output),
                () -> assertTrue(install.output.contains("/usr/lib/bondtray/system-hooks release"), install.output),
                () -> assertEquals(List.of(), build.output.lines()
                        .filter(l -> l.contains("WARNING") && !l.contains("Skipping dependency checks")
                                || l.toLowerCase(java.util.Locale.ROOT).startsWith("error")).toList(),
                        "makepkg warned or failed:\n" + build.output));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit == 127) {
            fail(command.getFirst() + " is not installed: " + out);
        }
        return new Result(exit, out);
    }
}
