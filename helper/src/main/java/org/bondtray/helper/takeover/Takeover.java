package org.bondtray.helper.takeover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.helper.config.AtomicFile;
import org.bondtray.helper.wifi.WifiWatcher;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Takes the bond's ports from NetworkManager and systemd-networkd and gives them back: the helper
 * and another network manager never both configure an interface. A port NetworkManager manages is
 * set unmanaged (a Wi-Fi port's network, secret included, goes with it to wpa_supplicant under the
 * helper's networks file); which ports were taken is kept in the configuration folder, so disable
 * gives back exactly those, even after a restart, and a port the user had made unmanaged stays
 * so. systemd-networkd is told the same through runtime {@code .network} files (see
 * {@link Networkd}).
 */
public final class Takeover {
    private static final Logger LOG = Logger.getLogger(Takeover.class.getName());

    /** A port to take: its interface name and whether it is Wi-Fi. */
    public record Port(String name, boolean wireless) {
    }

    private final NetworkManagerLink nm;
    private final NetworkManagerConf nmConf;
    private final Networkd networkd;
    private final Path record;

    public Takeover(DBusConnection bus, Path configDir) {
        this.nm = new NetworkManagerLink(bus);
        this.nmConf = NetworkManagerConf.system();
        this.networkd = new Networkd(bus, Path.of("/run/systemd/network"));
        this.record = configDir.resolve("taken-from-networkmanager");
    }

    /**
     * Runs {@code cameBack} each time NetworkManager comes (back) on the bus; closing the result
     * stops that. Without a bus to follow, nothing.
     */
    public AutoCloseable followNetworkManager(Runnable cameBack) {
        try {
            return new org.bondtray.api.NameOwner(nm.bus(), NetworkManagerBus.BUS_NAME, cameBack);
        } catch (DBusException e) {
            LOG.warning("cannot follow NetworkManager on the bus; after its restart the ports are claimed "
                    + "again only by the helper's own: " + e.getMessage());
            return () -> { };
        }
    }

    /**
     * Has NetworkManager and systemd-networkd let go of every port they manage among
     * {@code ports}. If one will not, what was taken in this call is given back and the failure
     * thrown: nothing changed.
     */
    public void claim(List<Port> ports, WifiWatcher wifi) throws IOException {
        List<String> fromNm = claimFromNetworkManager(ports, wifi);
        try {
            claimFromNetworkd(ports.stream().map(Port::name).toList());
        } catch (IOException e) {
            giveBackToNetworkManager(fromNm, wifi);
            throw e;
        }
    }

    private void claimFromNetworkd(List<String> ports) throws IOException {
        if (!networkd.running()) {
            return;
        }
        List<String> managed = List.of();
        try {
            managed = networkd.managing(ports);
            networkd.release(managed);
        } catch (DBusException | DBusExecutionException | IOException e) {
            networkd.giveBack(managed);
            throw new IOException("systemd-networkd would not let go of " + String.join(", ", managed) + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            networkd.giveBack(managed);
            throw new IOException("interrupted while systemd-networkd let go of the ports", e);
        }
    }

    /** NetworkManager's part of {@link #claim}; returns the ports taken in this call. */
    private List<String> claimFromNetworkManager(List<Port> ports, WifiWatcher wifi) throws IOException {
        if (!nm.running()) {
            return List.of();
        }
        // What was taken before (this boot or an earlier run of the helper) stays taken over a
        // restart of NetworkManager's.
        nmConf.ports(taken());
        Set<String> taken = new LinkedHashSet<>(taken());
        List<String> now = new ArrayList<>();
        try {
            for (Port p : ports) {
                Optional<String> device = nm.device(p.name());
                if (device.isEmpty() || !nm.managed(device.get())) {
                    continue;
                }
                Optional<WifiProfile> wifiNetwork = p.wireless() ? nm.activeWifi(device.get()) : Optional.empty();
                nm.setManaged(device.get(), false);
                now.add(p.name());
                taken.add(p.name());
                AtomicFile.write(record, String.join("\n", taken) + "\n", "rw-r--r--");
                nmConf.ports(List.copyOf(taken));
                LOG.info("NetworkManager let go of " + p.name()
                        + wifiNetwork.map(w -> "; its Wi-Fi network " + w + " goes to wpa_supplicant").orElse(""));
                if (p.wireless()) {
                    wifi.adopt(p.name(), wifiNetwork.map(WifiProfile::networkArgs));
                }
            }
        } catch (DBusException | DBusExecutionException | IOException e) {
            giveBackToNetworkManager(now, wifi);
            throw new IOException("NetworkManager would not let go of " + ports.stream().map(Port::name)
                    .filter(n -> !now.contains(n)).findFirst().orElse("a port") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveBackToNetworkManager(now, wifi);
            throw new IOException("interrupted while NetworkManager let go of the ports", e);
        }
        return now;
    }

    /**
     * The bond itself. NetworkManager is left to show it as "connected (externally)": it
     * configures nothing on a device it did not activate, and its global state, which desktops
     * and GLib's network monitor read as online or offline, then follows the bond. Made
     * unmanaged, the bond would leave NetworkManager "disconnected" while the laptop is online.
     * systemd-networkd is told to leave it alone, whether or not it has seen the new link yet:
     * asking it first raced with its own discovery, and a bond it had not listed then was later
     * open to any catch-all {@code .network} file. Best effort: the bond works either way.
     */
    public void leaveAlone(String bond) {
        try {
            if (networkd.running()) {
                networkd.release(List.of(bond));
            }
        } catch (DBusException | DBusExecutionException | IOException e) {
            LOG.log(Level.INFO, "systemd-networkd still manages " + bond + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives every port (and the bond's name) back to whoever had it; call once the bond is gone. */
    public void giveBack(WifiWatcher wifi) throws IOException {
        giveBackToNetworkManager(taken(), wifi);
        networkd.giveBack(networkd.released());
    }

    /** Gives {@code ports} back to NetworkManager and strikes them from the record. */
    private void giveBackToNetworkManager(List<String> ports, WifiWatcher wifi) throws IOException {
        List<String> left = taken().stream().filter(n -> !ports.contains(n)).toList();
        // First: a NetworkManager that restarts from here on may have them.
        nmConf.ports(left);
        giveBack(ports, wifi);
        if (left.isEmpty()) {
            Files.deleteIfExists(record);
        } else {
            AtomicFile.write(record, String.join("\n", left) + "\n", "rw-r--r--");
        }
    }

    private void giveBack(List<String> ports, WifiWatcher wifi) {
        for (String name : ports) {
            // wpa_supplicant must drop the helper's interface for NetworkManager to make its own.
            wifi.forget(name);
            try {
                Optional<String> device = nm.running() ? nm.device(name) : Optional.empty();
                if (device.isPresent()) {
                    nm.setManaged(device.get(), true);
                    LOG.info("gave " + name + " back to NetworkManager");
                }
            } catch (DBusException | DBusExecutionException e) {
                LOG.warning("could not give " + name + " back to NetworkManager: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The ports taken from NetworkManager and not yet given back (networkd's are in its folder). */
    public List<String> taken() throws IOException {
        if (!Files.exists(record)) {
            return List.of();
        }
        return Files.readAllLines(record).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
