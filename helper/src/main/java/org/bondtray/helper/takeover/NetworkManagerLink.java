package org.bondtray.helper.takeover;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.helper.peers.BusNames;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * NetworkManager over its D-Bus API: whether it manages an interface, the Wi-Fi network it has
 * the interface on, and letting go of an interface or taking it back. Settings made here are not
 * persistent in NetworkManager (its Managed property is not): the helper claims its ports again
 * each time it starts.
 */
final class NetworkManagerLink {
    private static final Logger LOG = Logger.getLogger(NetworkManagerLink.class.getName());

    private final DBusConnection bus;

    NetworkManagerLink(DBusConnection bus) {
        this.bus = bus;
    }

    DBusConnection bus() {
        return bus;
    }

    /** Whether NetworkManager is on the bus at all (it is not activatable: a plain check). */
    boolean running() {
        return BusNames.hasOwner(bus, NetworkManagerBus.BUS_NAME);
    }

    /** NetworkManager's device for {@code ifname}, if it has one. */
    Optional<String> device(String ifname) {
        try {
            DBusPath path = bus.getRemoteObject(NetworkManagerBus.BUS_NAME, NetworkManagerBus.PATH,
                    NetworkManagerBus.Manager.class).GetDeviceByIpIface(ifname);
            return Optional.of(path.getPath());
        } catch (DBusException | DBusExecutionException e) {
            return Optional.empty();
        }
    }

    boolean managed(String device) throws DBusException {
        return Boolean.TRUE.equals(props(device).Get(NetworkManagerBus.DEVICE, "Managed"));
    }

    int state(String device) throws DBusException {
        Object s = props(device).Get(NetworkManagerBus.DEVICE, "State");
        return s instanceof Number n ? n.intValue() : -1;
    }

    /** The Wi-Fi network of the connection active on {@code device}, with its secret, if it can be carried over. */
    Optional<WifiProfile> activeWifi(String device) {
        try {
            Object active = props(device).Get(NetworkManagerBus.DEVICE, "ActiveConnection");
            if (!(active instanceof DBusPath a) || "/".equals(a.getPath())) {
                return Optional.empty();
            }
            Object settingsPath = props(a.getPath()).Get(NetworkManagerBus.ACTIVE_CONNECTION, "Connection");
            if (!(settingsPath instanceof DBusPath s)) {
                return Optional.empty();
            }
            NetworkManagerBus.Connection c = bus.getRemoteObject(NetworkManagerBus.BUS_NAME, s.getPath(),
                    NetworkManagerBus.Connection.class);
            Map<String, Map<String, Variant<?>>> settings = c.GetSettings();
            Map<String, Map<String, Variant<?>>> secrets = settings.containsKey("802-11-wireless-security")
                    ? c.GetSecrets("802-11-wireless-security") : Map.of();
            Optional<WifiProfile> profile = WifiProfile.from(settings, secrets);
            if (profile.isEmpty()) {
                Map<String, Variant<?>> security = settings.getOrDefault("802-11-wireless-security", Map.of());
                LOG.info("the Wi-Fi network NetworkManager had on " + device + " cannot be carried over (key-mgmt "
                        + (security.get("key-mgmt") == null ? "none" : security.get("key-mgmt").getValue())
                        + ", secret " + (secrets.isEmpty() ? "not given" : "given") + ")");
            }
            return profile;
        } catch (DBusException | DBusExecutionException e) {
            // Secrets an agent keeps for a user are out of reach: the user picks the network again.
            LOG.info("the Wi-Fi network NetworkManager had on " + device + " cannot be carried over: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Sets the device (un)managed and waits until NetworkManager has acted on it: unmanaged, or
     * out of the unmanaged state when given back.
     */
    void setManaged(String device, boolean managed) throws DBusException, InterruptedException {
        props(device).Set(NetworkManagerBus.DEVICE, "Managed", managed);
        if (!Settle.within(Duration.ofMillis(50), () -> (state(device) == NetworkManagerBus.STATE_UNMANAGED) != managed)) {
            throw new DBusException("NetworkManager did not " + (managed ? "take back " : "let go of ")
                    + device + " within " + Settle.WITHIN.toSeconds() + " s");
        }
    }

    private Properties props(String path) throws DBusException {
        return bus.getRemoteObject(NetworkManagerBus.BUS_NAME, path, Properties.class);
    }
}
