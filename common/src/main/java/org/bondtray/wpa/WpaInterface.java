package org.bondtray.wpa;

import java.util.Map;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code fi.w1.wpa_supplicant1.Interface}: one network interface under wpa_supplicant. Its
 * properties ({@code State}, {@code CurrentBSS}, {@code BSSs}, {@code DisconnectReason}, …) are
 * read through {@code org.freedesktop.DBus.Properties}.
 */
@DBusInterfaceName(Wpa.INTERFACE)
public interface WpaInterface extends DBusInterface {
    void Scan(Map<String, Variant<?>> args);

    /**
     * Adds a network block. String values of {@code ssid} and {@code psk} are quoted by
     * wpa_supplicant itself; a 64-digit hex {@code psk} is taken as the raw key.
     */
    DBusPath AddNetwork(Map<String, Variant<?>> args);

    void SelectNetwork(DBusPath network);

    void RemoveNetwork(DBusPath network);

    void RemoveAllNetworks();

    void Disconnect();

    void Reassociate();

    /** Writes the networks to the interface's configuration file (needs update_config=1 there). */
    void SaveConfig();

    /** A scan asked for with Scan finished; {@code success} false if it failed. */
    class ScanDone extends DBusSignal {
        private final boolean success;

        public ScanDone(String path, boolean success) throws DBusException {
            super(path, success);
            this.success = success;
        }

        public boolean getSuccess() {
            return success;
        }
    }

    /** A network was added to the interface (AddNetwork, or read from its file). */
    class NetworkAdded extends DBusSignal {
        public NetworkAdded(String path, DBusPath network, java.util.Map<String, Variant<?>> properties)
                throws DBusException {
            super(path, network, properties);
        }
    }

    /** A network was removed from the interface. */
    class NetworkRemoved extends DBusSignal {
        public NetworkRemoved(String path, DBusPath network) throws DBusException {
            super(path, network);
        }
    }
}
