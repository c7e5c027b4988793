package org.bondtray.helper.takeover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.bondtray.helper.peers.BusNames;
import org.bondtray.helper.config.AtomicFile;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * systemd-networkd: lets go of a port when a {@code .network} file matching it says
 * {@code Unmanaged=yes}. The helper writes one per port (and for the bond) in networkd's runtime
 * folder, where its name sorts first, and has networkd reload over D-Bus; disable deletes them and
 * reloads, and networkd configures the ports as before. The files are the record of what was
 * taken; a reboot clears them and the helper, claiming its ports when it starts, writes them again.
 */
final class Networkd {
    private static final Logger LOG = Logger.getLogger(Networkd.class.getName());
    static final String BUS_NAME = "org.freedesktop.network1";
    static final String PATH = "/org/freedesktop/network1";
    static final String LINK = "org.freedesktop.network1.Link";
    private static final String PREFIX = "00-bondtray-";
    private static final String SUFFIX = ".network";
    /** AdministrativeState values of a link networkd does not (or no longer) configure. */
    private static final Set<String> LEFT_ALONE = Set.of("unmanaged", "linger");

    @DBusInterfaceName("org.freedesktop.network1.Manager")
    interface Manager extends DBusInterface {
        List<Link> ListLinks();

        /** Reads the .network files again and applies them to every link. */
        void Reload();
    }

    /** (iso): interface index, name, object. */
    public static final class Link extends Struct {
        @Position(0)
        public final int ifindex;
        @Position(1)
        public final String name;
        @Position(2)
        public final DBusPath path;

        public Link(int ifindex, String name, DBusPath path) {
            this.ifindex = ifindex;
            this.name = name;
            this.path = path;
        }
    }

    private final DBusConnection bus;
    private final Path runtimeDir;

    Networkd(DBusConnection bus, Path runtimeDir) {
        this.bus = bus;
        this.runtimeDir = runtimeDir;
    }

    boolean running() {
        return BusNames.hasOwner(bus, BUS_NAME);
    }

    /** Those of {@code names} networkd configures now. */
    List<String> managing(List<String> names) throws DBusException {
        List<String> managed = new ArrayList<>();
        for (Link l : manager().ListLinks()) {
            if (names.contains(l.name) && !LEFT_ALONE.contains(state(l.path))) {
                managed.add(l.name);
            }
        }
        return managed;
    }

    /** Has networkd leave {@code names} alone; waits until it does. */
    void release(List<String> names) throws IOException, DBusException, InterruptedException {
        if (names.isEmpty()) {
            return;
        }
        for (String name : names) {
            AtomicFile.write(file(name), """
                    # Written by bondtray-helper: %1$s belongs to its bond, and systemd-networkd leaves it alone.
                    # Deleted when the bond is disabled; a reboot clears it, and the helper writes it again.
                    [Match]
                    Name=%1$s

                    [Link]
                    Unmanaged=yes
                    """.formatted(name), "rw-r--r--");
        }
        manager().Reload();
        if (!Settle.within(Duration.ofMillis(100), () -> managing(names).isEmpty())) {
            throw new IOException("systemd-networkd still manages " + String.join(", ", managing(names))
                    + " " + Settle.WITHIN.toSeconds() + " s after being asked to leave it alone");
        }
        LOG.info("systemd-networkd let go of " + String.join(", ", names));
    }

    /** Deletes the helper's files for {@code names} and has networkd configure them again. */
    void giveBack(List<String> names) {
        boolean any = false;
        for (String name : names) {
            try {
                any |= Files.deleteIfExists(file(name));
            } catch (IOException e) {
                LOG.warning("could not give " + name + " back to systemd-networkd: " + e.getMessage());
            }
        }
        if (any && running()) {
            try {
                manager().Reload();
                LOG.info("gave " + String.join(", ", names) + " back to systemd-networkd");
            } catch (DBusException | DBusExecutionException e) {
                LOG.warning("systemd-networkd did not reload: " + e.getMessage());
            }
        }
    }

    /** The interfaces the helper's files name: what was taken and not given back. */
    List<String> released() throws IOException {
        if (!Files.isDirectory(runtimeDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runtimeDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                    .map(n -> n.substring(PREFIX.length(), n.length() - SUFFIX.length())).sorted().toList();
        }
    }

    private Path file(String name) {
        return runtimeDir.resolve(PREFIX + name + SUFFIX);
    }

    private String state(DBusPath link) {
        try {
            Object s = bus.getRemoteObject(BUS_NAME, link.getPath(), Properties.class).Get(LINK, "AdministrativeState");
            return String.valueOf(s);
        } catch (DBusException | DBusExecutionException e) {
            return "linger";
        }
    }

    private Manager manager() throws DBusException {
        return bus.getRemoteObject(BUS_NAME, PATH, Manager.class);
    }
}
