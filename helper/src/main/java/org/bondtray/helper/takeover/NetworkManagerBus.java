package org.bondtray.helper.takeover;

import java.util.Map;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/** The parts of NetworkManager's D-Bus API the helper uses to take interfaces over and give them back. */
final class NetworkManagerBus {
    static final String BUS_NAME = "org.freedesktop.NetworkManager";
    static final String PATH = "/org/freedesktop/NetworkManager";
    static final String DEVICE = "org.freedesktop.NetworkManager.Device";
    static final String ACTIVE_CONNECTION = "org.freedesktop.NetworkManager.Connection.Active";
    /** NMDeviceState: NetworkManager leaves the device alone. */
    static final int STATE_UNMANAGED = 10;

    private NetworkManagerBus() {
    }

    @DBusInterfaceName("org.freedesktop.NetworkManager")
    interface Manager extends DBusInterface {
        /** The device for a kernel interface name; an error if NetworkManager has none. */
        DBusPath GetDeviceByIpIface(String iface);
    }

    @DBusInterfaceName("org.freedesktop.NetworkManager.Settings.Connection")
    interface Connection extends DBusInterface {
        Map<String, Map<String, Variant<?>>> GetSettings();

        /** Only root (or a holder of the settings permission) gets them. */
        Map<String, Map<String, Variant<?>>> GetSecrets(String settingName);
    }
}
