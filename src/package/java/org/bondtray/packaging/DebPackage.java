package org.bondtray.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The .deb: the laid-out tree plus its control files, put together by dpkg-deb with every file
 * owned by root. Its dependencies are what the helper runs (dbus, polkit, dhcpcd,
 * wpa_supplicant); the tray's desktop libraries are only recommended, so a headless machine
 * installs without them.
 */
final class DebPackage {
    static final String NAME = "bondtray";
    private static final String DEPENDS = String.join(", ",
            "libc6 (>= 2.17)", "zlib1g", "dbus", "polkitd | policykit-1", "dhcpcd-base | dhcpcd5",
            "wpasupplicant", "init-system-helpers (>= 1.54~)");
    private static final String RECOMMENDS = String.join(", ",
            "libgtk-3-0", "libx11-6", "libxext6", "libxi6", "libxrender1", "libxtst6", "libfreetype6",
            "libfontconfig1");
    private static final String SUGGESTS = "resolvconf";

    private DebPackage() {
    }

    /** Maven's 0.1.0-SNAPSHOT as Debian orders it: a snapshot comes before the release. */
    static String debianVersion(String mavenVersion) {
        return mavenVersion.replace("-SNAPSHOT", "~snapshot").replace('-', '~');
    }

    static Path build(FileTree tree, Path files, String maintainer, String version, Path outDir) throws IOException,
            InterruptedException {
        Path control = tree.root().resolve("DEBIAN");
        FileTree.delete(control);
        long size = tree.installedKib();
        String md5 = md5sums(tree);
        Files.createDirectories(control);
        Files.writeString(control.resolve("control"), """
                Package: %s
                Version: %s
                Architecture: amd64
                Maintainer: %s
                Installed-Size: %d
                Depends: %s
                Recommends: %s
                Suggests: %s
                Section: net
                Priority: optional
                Homepage: https://github.com/bondtray/bondtray
                Description: keep a laptop online across cable and Wi-Fi changes
                 Bondtray bonds the wired and the wireless interface with the kernel's
                 bonding driver (active-backup, wired preferred), so both share one address
                 and open connections (SSH, calls, downloads) survive plugging and
                 unplugging the cable.
                 .
                 A small helper on the system bus (polkit-authorized) sets up and watches the
                 bond, supervises DHCP, re-enslaves hot-plugged adapters and rolls back
                 changes that cut the machine off; a tray app shows which link carries the
                 traffic, picks Wi-Fi networks and notifies on every switchover; the
                 bondtray command does the same on headless machines.
                 .
                 The package carries its own Java runtime.
                """.formatted(NAME, version, maintainer, size, DEPENDS, RECOMMENDS, SUGGESTS));
        Files.writeString(control.resolve("md5sums"), md5);
        Files.writeString(control.resolve("conffiles"), SystemLayout.AUTOSTART + "\n");
        List<String> scripts = List.of("postinst", "prerm", "postrm");
        for (String script : scripts) {
            Files.copy(files.resolve("debian/" + script), control.resolve(script));
        }
        // dpkg-deb wants the maintainer scripts executable and the rest readable, whatever the umask.
        for (Path f : FileTree.list(control)) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(
                    scripts.contains(f.getFileName().toString()) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Path deb = outDir.resolve(NAME + "_" + version + "_amd64.deb");
        Process p = new ProcessBuilder("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.root().toString(),
                deb.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("dpkg-deb failed with exit code " + p.exitValue());
        }
        FileTree.delete(control);
        return deb;
    }

    private static String md5sums(FileTree tree) throws IOException {
        StringBuilder out = new StringBuilder();
        try {
            for (Path f : tree.files()) {
                MessageDigest md = MessageDigest.getInstance("MD5");
                byte[] sum = md.digest(Files.readAllBytes(tree.root().resolve(f)));
                out.append(HexFormat.of().formatHex(sum)).append("  ").append(f).append('\n');
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
