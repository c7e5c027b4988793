package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.Map;

import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaInterface;
import org.bondtray.wpa.WpaSupplicant;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The laptop's Wi-Fi as a scenario drives it: only through wpa_supplicant's D-Bus API, as the
 * product does, never through wpa_cli.
 */
final class WifiStation {
    private final DBusConnection bus;
    private final WpaSupplicant supplicant;

    WifiStation(DBusConnection bus) throws DBusException {
        this.bus = bus;
        this.supplicant = bus.getRemoteObject(Wpa.BUS_NAME, Wpa.PATH, WpaSupplicant.class);
    }

    /** Associates {@code ifname} with {@code ap} and returns once the keys are in place. */
    long connect(String ifname, AccessPoint ap) throws DBusException {
        DBusPath path = interfacePath(ifname);
        WpaInterface wifi = bus.getRemoteObject(Wpa.BUS_NAME, path.getPath(), WpaInterface.class);
        wifi.RemoveAllNetworks();
        wifi.SelectNetwork(wifi.AddNetwork(network(ap)));
        return awaitCompleted(ifname, Duration.ofSeconds(90));
    }

    /** Makes {@code ap} a known network of {@code ifname} too, for wpa_supplicant to join when it is the one in range. */
    void know(String ifname, AccessPoint ap) throws DBusException {
        WpaInterface wifi = bus.getRemoteObject(Wpa.BUS_NAME, interfacePath(ifname).getPath(), WpaInterface.class);
        DBusPath added = wifi.AddNetwork(network(ap));
        bus.getRemoteObject(Wpa.BUS_NAME, added.getPath(), org.freedesktop.dbus.interfaces.Properties.class)
                .Set(Wpa.NETWORK, "Enabled", true);
    }

    private static Map<String, Variant<?>> network(AccessPoint ap) {
        return switch (ap.security()) {
            case WPA2_PSK -> Map.of("ssid", new Variant<>(ap.ssid()), "psk", new Variant<>(ap.passphrase()),
                    "key_mgmt", new Variant<>("WPA-PSK"));
            case WPA3_SAE -> Map.of("ssid", new Variant<>(ap.ssid()), "sae_password", new Variant<>(ap.passphrase()),
                    "key_mgmt", new Variant<>("SAE"), "ieee80211w", new Variant<>(new UInt32(2)));
        };
    }

    long awaitCompleted(String ifname, Duration timeout) {
        return Wait.until(ifname + " to reach wpa_supplicant state completed", timeout, Duration.ofMillis(50),
                () -> completed(ifname));
    }

    /** Keys installed, data can flow: the only state in which a Wi-Fi port may carry traffic. */
    boolean completed(String ifname) {
        return Wpa.STATE_COMPLETED.equals(state(ifname));
    }

    /**
     * Whether wpa_supplicant manages {@code ifname} and has its keys in place, asked without
     * ever creating the interface (as {@link #completed} would): for watching who else hands it over.
     */
    boolean completedIfManaged(String ifname) {
        try {
            DBusPath path = supplicant.GetInterface(ifname);
            Properties props = bus.getRemoteObject(Wpa.BUS_NAME, path.getPath(), Properties.class);
            return Wpa.STATE_COMPLETED.equals(props.Get(Wpa.INTERFACE, "State"));
        } catch (DBusException | DBusExecutionException e) {
            return false;
        }
    }

    String state(String ifname) {
        try {
            Properties props = bus.getRemoteObject(Wpa.BUS_NAME, interfacePath(ifname).getPath(), Properties.class);
            return props.Get(Wpa.INTERFACE, "State");
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SSID {@code ifname} is associated with, as the product shows it; "" if none. */
    String currentSsid(String ifname) {
        org.bondtray.wifi.WpaClient client = new org.bondtray.wifi.WpaClient(bus);
        try {
            byte[] ssid = client.currentSsid(client.interfacePath(ifname));
            return ssid == null ? "" : org.bondtray.wifi.SsidText.show(ssid);
        } catch (org.bondtray.wifi.WifiException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** "ssid=priority" of each network wpa_supplicant knows for {@code ifname}, sorted. */
    String priorities(String ifname) {
        org.bondtray.wifi.WpaClient client = new org.bondtray.wifi.WpaClient(bus);
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        try {
            for (Map.Entry<String, byte[]> n : client.networks(client.interfacePath(ifname)).entrySet()) {
                Object all = bus.getRemoteObject(Wpa.BUS_NAME, n.getKey(), Properties.class).Get(Wpa.NETWORK, "Properties");
                Object p = all instanceof Map<?, ?> m ? m.get("priority") : null;
                out.add(org.bondtray.wifi.SsidText.show(n.getValue()) + "="
                        + (p instanceof Variant<?> v ? v.getValue() : String.valueOf(p)));
            }
        } catch (org.bondtray.wifi.WifiException | DBusException | RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
        return String.join(" ", out);
    }

    /**
     * A new association as wpa_supplicant chooses it among the networks it knows: disconnect,
     * then reassociate (a scan, then the best network by priority). Returns the SSID it joined.
     */
    String associateAnew(String ifname) throws DBusException {
        WpaInterface wifi = bus.getRemoteObject(Wpa.BUS_NAME, interfacePath(ifname).getPath(), WpaInterface.class);
        wifi.Disconnect();
        Wait.until(ifname + " disconnected", Duration.ofSeconds(10), Duration.ofMillis(50), () -> !completed(ifname));
        wifi.Reassociate();
        awaitCompleted(ifname, Duration.ofSeconds(90));
        return currentSsid(ifname);
    }

    /** Puts {@code ifname} under wpa_supplicant without any network to join. */
    void manage(String ifname) throws DBusException {
        interfacePath(ifname);
    }

    /**
     * Puts {@code ifname} under wpa_supplicant anew with a configuration file it reads its
     * networks from and saves them to (SaveConfig), as the helper hands adapters over.
     */
    void manageWithConfig(String ifname, java.nio.file.Path config) throws DBusException {
        release(ifname);
        supplicant.CreateInterface(Map.of("Ifname", new Variant<>(ifname), "ConfigFile", new Variant<>(config.toString())));
    }

    /** Lets go of an interface entirely (wpa_supplicant disassociates and forgets it). */
    void release(String ifname) {
        try {
            supplicant.RemoveInterface(supplicant.GetInterface(ifname));
        } catch (DBusExecutionException e) {
            // not under wpa_supplicant: nothing to release
        }
    }

    /** wpa_supplicant's object for {@code ifname}, which it is made to manage if it did not. */
    DBusPath interfacePath(String ifname) throws DBusException {
        try {
            return supplicant.GetInterface(ifname);
        } catch (DBusExecutionException e) {
            return supplicant.CreateInterface(Map.of("Ifname", new Variant<>(ifname)));
        }
    }
}
