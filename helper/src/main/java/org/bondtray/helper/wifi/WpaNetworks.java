package org.bondtray.helper.wifi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.helper.config.AtomicFile;
import org.bondtray.wifi.SsidText;
import org.bondtray.wifi.WifiException;
import org.bondtray.wifi.WpaClient;
import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaInterface;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * The Wi-Fi networks of the adapters the helper hands to wpa_supplicant: their file, kept to root
 * alone, the network an adopted adapter was on, and which networks wpa_supplicant prefers.
 */
final class WpaNetworks {
    private static final Logger LOG = Logger.getLogger(WpaNetworks.class.getName());

    /** What a networks file holds before anything was saved: wpa_supplicant may write it back. */
    static final String EMPTY = """
            # Wi-Fi networks of the adapters bondtray-helper hands to wpa_supplicant.
            # wpa_supplicant rewrites this file when asked to save its configuration.
            update_config=1
            """;

    private final DBusConnection bus;
    private final Path file;

    WpaNetworks(DBusConnection bus, Path file) {
        this.bus = bus;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Makes the file if there is none yet, root's alone. */
    void ensureFile() throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, EMPTY, "rw-------");
        }
        keepSecret();
    }

    /**
     * Keeps the networks file, with its keys and passwords (some moved over from
     * NetworkManager's root-only store), the helper's alone: wpa_supplicant rewrites it through
     * a new file with its own umask (0644 on a default system) on every save. The folder is
     * closed to others too, so a save between two checks shows nothing.
     */
    void keepSecret() {
        try {
            Path dir = file.getParent();
            if (dir != null && Files.isDirectory(dir)) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "cannot keep " + file + " to root alone", e);
        }
    }

    /**
     * Selects {@code network} on the interface object {@code path} of {@code ifname}: a known
     * network of the same SSID if there is one, or the network added and saved, so it comes back
     * after a restart.
     */
    void select(String ifname, DBusPath path, Map<String, Variant<?>> network)
            throws DBusException, WifiException {
        WpaInterface iface = bus.getRemoteObject(Wpa.BUS_NAME, path.getPath(), WpaInterface.class);
        byte[] ssid = (byte[]) network.get("ssid").getValue();
        for (Map.Entry<String, byte[]> known : new WpaClient(bus).networks(path.getPath()).entrySet()) {
            if (Arrays.equals(ssid, known.getValue())) {
                iface.SelectNetwork(new DBusPath(known.getKey()));
                return;
            }
        }
        iface.SelectNetwork(iface.AddNetwork(network));
        iface.SaveConfig();
        keepSecret();
        LOG.info("wpa_supplicant has " + ifname + " on " + SsidText.show(ssid) + " now, saved in " + file);
    }

    /**
     * Has wpa_supplicant prefer, among the networks of the interface object {@code path}, those in
     * {@code keeping} (SSIDs as shown): priority 1 for them, 0 for the others, saved so it holds
     * over a restart. A priority the user gave (any other number) is left as it is.
     */
    void prefer(String ifname, String path, Collection<String> keeping) throws DBusException, WifiException {
        boolean changed = false;
        for (Map.Entry<String, byte[]> n : new WpaClient(bus).networks(path).entrySet()) {
            Properties network = bus.getRemoteObject(Wpa.BUS_NAME, n.getKey(), Properties.class);
            Object all = network.Get(Wpa.NETWORK, "Properties");
            Object now = all instanceof Map<?, ?> m ? m.get("priority") : null;
            String priority = now instanceof Variant<?> v ? String.valueOf(v.getValue()) : now == null ? "0" : now.toString();
            String wanted = keeping.contains(SsidText.show(n.getValue())) ? "1" : "0";
            if ((!priority.equals("0") && !priority.equals("1")) || priority.equals(wanted)) {
                continue;
            }
            network.Set(Wpa.NETWORK, "Properties",
                    new Variant<>(Map.of("priority", new Variant<>(Integer.parseInt(wanted))), "a{sv}"));
            changed = true;
        }
        if (!changed) {
            return;
        }
        try {
            bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class).SaveConfig();
            keepSecret();
        } catch (DBusExecutionException e) {
            // An interface someone else handed over without a file: preferred until wpa_supplicant restarts.
            LOG.info("the priorities on " + ifname + " are not saved: " + e.getMessage());
        }
        LOG.info("wpa_supplicant now prefers on " + ifname + " the Wi-Fi networks that reach the cable's: "
                + (keeping.isEmpty() ? "none known" : String.join(", ", keeping)));
    }
}
