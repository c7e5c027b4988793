package org.bondtray.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Where each of Bondtray's files goes on an installed system: one place for the package and the
 * install script for other distributions, which copy the same tree.
 */
final class SystemLayout {
    static final String LIB = "/usr/lib/bondtray";
    /** How the build names the jars of its own modules (common, helper, client). */
    private static final String MODULE_PREFIX = "bondtray-";
    static final String DOC = "/usr/share/doc/bondtray";
    /** The one file under /etc: the desktop's autostart entry, which a user may turn off there. */
    static final String AUTOSTART = "/etc/xdg/autostart/org.bondtray.Bondtray-autostart.desktop";

    private final Path project;
    private final FileTree tree;

    SystemLayout(Path project, FileTree tree) {
        this.project = project;
        this.tree = tree;
    }

    /**
     * Lays out everything but the runtime, from the build's runtime dependencies: the three
     * modules' jars among them. lib/ is what both programs load (common, the bus library,
     * logging); helper/ is on the root daemon's class path only, client/ and javafx/ on the
     * command line's and the tray's only.
     */
    void fill(Path dependencies, String maintainer, String debianVersion) throws IOException {
        for (Path dep : FileTree.list(dependencies)) {
            String name = dep.getFileName().toString();
            if (name.startsWith(MODULE_PREFIX)) {
                String module = name.substring(MODULE_PREFIX.length()).replaceFirst("-\\d.*", "");
                tree.copy(dep, LIB + "/" + (module.equals("common") ? "lib" : module) + "/bondtray-" + module + ".jar");
            } else if (name.startsWith("javafx-")) {
                // Only the platform jars hold classes; the others are empty stand-ins.
                if (name.endsWith("-linux.jar")) {
                    tree.copy(dep, LIB + "/javafx/" + name);
                    for (Map.Entry<String, byte[]> so : NativeLibraries.inside(dep).entrySet()) {
                        tree.write(LIB + "/javafx/" + so.getKey(), so.getValue());
                    }
                }
            } else if (!name.startsWith("org.osgi.")) {
                // slf4j names OSGi only for OSGi containers.
                tree.copy(dep, LIB + "/lib/" + name);
            }
        }
        Path files = project.resolve("src/package/files");
        tree.copy(files.resolve("bondtray"), "/usr/bin/bondtray");
        tree.copy(files.resolve("bondtray-helper"), LIB + "/bondtray-helper");
        tree.copy(files.resolve("system-hooks"), LIB + "/system-hooks");
        tree.copy(files.resolve("java-runtime"), LIB + "/java-runtime");

        Path dist = project.resolve("src/dist");
        // Debian 12 still keeps units in /lib (lintian refuses /usr/lib/systemd there).
        tree.copy(dist.resolve("bondtray-helper.service"), "/lib/systemd/system/bondtray-helper.service");
        tree.copy(dist.resolve("bondtray-dhcpcd@.service"), "/lib/systemd/system/bondtray-dhcpcd@.service");
        tree.copy(dist.resolve("org.bondtray.Helper.conf"), "/usr/share/dbus-1/system.d/org.bondtray.Helper.conf");
        tree.copy(dist.resolve("org.bondtray.Helper.service"),
                "/usr/share/dbus-1/system-services/org.bondtray.Helper.service");
        tree.copy(project.resolve("polkit/org.bondtray.policy"), "/usr/share/polkit-1/actions/org.bondtray.policy");

        Path desktop = project.resolve("desktop");
        tree.copy(desktop.resolve("org.bondtray.Bondtray.desktop"), "/usr/share/applications/org.bondtray.Bondtray.desktop");
        tree.copy(desktop.resolve("org.bondtray.Bondtray-autostart.desktop"), AUTOSTART);
        tree.copy(desktop.resolve("org.bondtray.Bondtray.metainfo.xml"),
                "/usr/share/metainfo/org.bondtray.Bondtray.metainfo.xml");
        Path icons = project.resolve("icons/hicolor");
        try (var all = Files.walk(icons)) {
            for (Path icon : all.filter(Files::isRegularFile).sorted().toList()) {
                tree.copy(icon, "/usr/share/icons/hicolor/" + icons.relativize(icon));
            }
        }

        tree.copy(files.resolve("copyright"), DOC + "/copyright");
        tree.copy(files.resolve("lintian-overrides"), "/usr/share/lintian/overrides/bondtray");
        tree.write(DOC + "/changelog.gz", gzip(changelog(maintainer, debianVersion)));
        tree.copy(dist.resolve("org.bondtray.wpa-supplicant-users.conf"),
                DOC + "/examples/org.bondtray.wpa-supplicant-users.conf");
        // bash-completion loads it on the first <Tab> after "bondtray".
        tree.copy(files.resolve("completion/bondtray.bash"), "/usr/share/bash-completion/completions/bondtray");
        // zsh's compinit finds it in Debian's vendor folder, which is on every user's fpath.
        tree.copy(files.resolve("completion/_bondtray"), "/usr/share/zsh/vendor-completions/_bondtray");
        for (String page : new String[] {"bondtray.1", "bondtray-helper.8"}) {
            Path source = files.resolve("man/" + page);
            String section = page.substring(page.lastIndexOf('.') + 1);
            tree.write("/usr/share/man/man" + section + "/" + page + ".gz", gzip(Files.readString(source)));
        }
    }

    /** What must keep its execute bit: the launchers, the hooks, and the runtime's own programs. */
    static boolean isProgram(Path relative) {
        String p = relative.toString();
        return p.equals("usr/bin/bondtray") || p.equals("usr/lib/bondtray/bondtray-helper")
                || p.equals("usr/lib/bondtray/system-hooks") || p.equals("usr/lib/bondtray/uninstall")
                || p.startsWith("usr/lib/bondtray/runtime/bin/")
                || p.equals("usr/lib/bondtray/runtime/lib/jspawnhelper") || p.equals("usr/lib/bondtray/runtime/lib/jexec");
    }

    /** A native package's changelog: one entry for the version built. */
    private static String changelog(String maintainer, String version) {
        String date = java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.ROOT)
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        return "bondtray (" + version + ") unstable; urgency=medium\n\n"
                + "  * Built from Bondtray's sources; the README says what each version brings.\n\n"
                + " -- " + maintainer + "  " + date + "\n";
    }

    /**
     * gzip at the highest level, without a name or time stamp, and saying so in its header (the
     * XFL byte lintian reads): as {@code gzip -9n} makes it. GZIPOutputStream always writes 0 there.
     */
    static byte[] gzip(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crc.getValue()).putInt(data.length);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }
}
