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
 * ports unmanaged from its first moment. The file lists exactly the ports taken from it; it is
 * gone when they are given back (and with the boot). The bond is not in it: NetworkManager
 * assumes a bond it did not make as "connected (externally)" and configures nothing on it;
 * its global state then says online while the bond is (see {@link Takeover#leaveAlone}).
 *
 * <p>Used on the helper's worker alone, which owns the helper's state: it has no lock.
 */
final class NetworkManagerConf {
    private static final Logger LOG = Logger.getLogger(NetworkManagerConf.class.getName());
    /** Interface names written into NetworkManager's device list: nothing its list syntax would read. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    private final Path file;

    NetworkManagerConf(Path file) {
        this.file = file;
    }

    static NetworkManagerConf system() {
        return new NetworkManagerConf(Path.of("/run/NetworkManager/conf.d/bondtray.conf"));
    }

    /** NetworkManager leaves {@code taken} alone from its next start on; with none, the file goes. */
    void ports(List<String> taken) {
        List<String> plain = taken.stream().filter(p -> PLAIN_NAME.matcher(p).matches()).toList();
        taken.stream().filter(p -> !plain.contains(p)).forEach(p -> LOG.warning("the name of " + p
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
