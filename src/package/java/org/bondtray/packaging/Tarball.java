package org.bondtray.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For distributions without Debian packages: the same tree as the .deb under
 * {@code bondtray-VERSION/root}, with {@code install} beside it and
 * {@code /usr/lib/bondtray/uninstall} inside it.
 */
final class Tarball {
    private Tarball() {
    }

    static Path build(FileTree tree, Path files, String version, Path outDir) throws IOException, InterruptedException {
        String top = "bondtray-" + version;
        tree.copy(files.resolve("uninstall"), SystemLayout.LIB + "/uninstall");
        Path install = outDir.resolve("package/install");
        Files.copy(files.resolve("install"), install, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path tarball = pack(tree.root().getParent(), top, outDir.resolve(top + "-linux-x86_64.tar.gz"));
        Files.delete(tree.at(SystemLayout.LIB + "/uninstall"));
        return tarball;
    }

    /**
     * {@code dir}'s root/ and install, both under one top folder {@code top}, owned by root, into
     * {@code tarball}; the noarch build packs its own folder the same way.
     */
    static Path pack(Path dir, String top, Path tarball) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tar", "--create", "--gzip", "--owner=0", "--group=0", "--numeric-owner",
                "--file", tarball.toString(),
                "--transform", "s,^root,%s/root,;s,^install$,%s/install,".formatted(top, top),
                "-C", dir.toString(), "root", "install").inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("tar failed with exit code " + p.exitValue());
        }
        return tarball;
    }
}
