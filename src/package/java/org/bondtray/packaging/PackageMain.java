package org.bondtray.packaging;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@code mvn package}: lays Bondtray out as an installed system with its own Java runtime,
 * then makes the .deb and, for other distributions, a tarball with an install script; and the
 * noarch tarball that runs on the system's Java, with the Arch PKGBUILD and the RPM spec made
 * from it.
 *
 * <pre>PackageMain PROJECT-DIR TARGET-DIR MAVEN-VERSION</pre>
 */
public final class PackageMain {
    static final String MAINTAINER = "Bondtray team <team@bondtray.org>";

    private PackageMain() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path target = Path.of(args[1]);
        String version = args[2];
        Path work = target.resolve("package");
        FileTree tree = new FileTree(work.resolve("root"), SystemLayout::isProgram);
        FileTree.delete(tree.root());
        Files.createDirectories(tree.root());

        long t0 = System.nanoTime();
        RuntimeImage.link(tree.at(SystemLayout.LIB + "/runtime"));
        String debVersion = DebPackage.debianVersion(version);
        new SystemLayout(project, tree).fill(work.resolve("deps"),
                MAINTAINER, debVersion);
        NativeLibraries.strip(tree.at(SystemLayout.LIB + "/javafx"));
        tree.normalize();
        Path files = project.resolve("src/package/files");
        Path deb = DebPackage.build(tree, files, MAINTAINER, debVersion, target);
        Path tarball = Tarball.build(tree, files, version, target);
        Path noarch = Noarch.build(tree, files, version, target, work.resolve("javafx-aarch64"));
        System.out.printf("package: %s (%d KiB), %s (%d KiB), %s (%d KiB) in %d ms%n", deb.getFileName(),
                Files.size(deb) / 1024, tarball.getFileName(), Files.size(tarball) / 1024, noarch.getFileName(),
                Files.size(noarch) / 1024, (System.nanoTime() - t0) / 1_000_000);
    }
}
