package org.bondtray.helper.takeover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.bondtray.helper.config.AtomicFile;

/**
 * NetworkManager forgets on a restart that it was told over D-Bus to leave the ports alone, and
 * may then connect them under the bond before the helper can say it again. Its per-boot
 * configuration folder is read before it touches any device: a device section there keeps the
 * ports unmanaged from its first moment. The file lists exactly the ports taken from it, and the
 * bond it was told to leave alone; it is gone when they are given back (and with the boot).
 */
final class NetworkManagerConf {
    private static final Logger LOG = Logger.getLogger(NetworkManagerConf.class.getName());
    /** Interface names written into NetworkManager's device list: nothing its list syntax would read. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    private final Path file;
    private List<String> ports = List.of();
    private String bond = "";

    NetworkManagerConf(Path file) {
        this.file = file;
    }

    static NetworkManagerConf system() {
        return new NetworkManagerConf(Path.of("/run/NetworkManager/conf.d/bondtray.conf"));
    }

    /** NetworkManager leaves {@code taken} alone from its next start on. */
    synchronized void ports(List<String> taken) {
        ports = List.copyOf(taken);
        write();
    }

    /** NetworkManager leaves the bond {@code name} alone from its next start on ("": there is none). */
    synchronized void bond(String name) {
        bond = name;
        write();
    }

    /** The ports and the bond; with neither, the file goes. */
    private void write() {
        List<String> all = new java.util.ArrayList<>(ports);
        if (!bond.isEmpty() && !all.contains(bond)) {
            all.add(bond);
        }
        List<String> plain = all.stream().filter(p -> PLAIN_NAME.matcher(p).matches()).toList();
        all.stream().filter(p -> !plain.contains(p)).forEach(p -> LOG.warning("the name of " + p
                + " cannot go into NetworkManager's configuration: it may take it again when it restarts"));
        try {
            if (plain.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            if (!Files.isDirectory(file.getParent())) {
                return;
            }
            AtomicFile.write(file, text(plain), "rw-r--r--");
        } catch (IOException e) {
            LOG.warning("NetworkManager may take the ports again when it restarts: " + e.getMessage());
        }
    }

    static String text(List<String> names) {
        return "# Written by bondtray-helper: these interfaces are ports of its bond, and NetworkManager\n"
                + "# leaves them alone, also after it restarts. Removed when the bond is disabled.\n"
                + "[device-bondtray-ports]\n"
                + "match-device=" + String.join(",", names.stream().map(p -> "interface-name:" + p).toList()) + "\n"
                + "managed=0\n";
    }
}
