package org.bondtray.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        for (String script : new String[] {"postinst", "prerm", "postrm"}) {
            Files.copy(files.resolve("debian/" + script), control.resolve(script));
        }
        tree.normalize(p -> p.toString().matches("DEBIAN/(pre|post)(inst|rm)") || isProgram(p));
        Path deb = outDir.resolve(NAME + "_" + version + "_amd64.deb");
        Process p = new ProcessBuilder("dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.root().toString(),
                deb.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("dpkg-deb failed with exit code " + p.exitValue());
        }
        FileTree.delete(control);
        return deb;
    }

    /** What must keep its execute bit: the launchers, the hooks, and the runtime's own programs. */
    static boolean isProgram(Path relative) {
        String p = relative.toString();
        return p.equals("usr/bin/bondtray") || p.equals("usr/lib/bondtray/bondtray-helper")
                || p.equals("usr/lib/bondtray/system-hooks") || p.equals("usr/lib/bondtray/uninstall")
                || p.startsWith("usr/lib/bondtray/runtime/bin/")
                || p.equals("usr/lib/bondtray/runtime/lib/jspawnhelper") || p.equals("usr/lib/bondtray/runtime/lib/jexec");
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
