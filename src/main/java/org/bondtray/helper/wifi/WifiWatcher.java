package org.bondtray.helper.wifi;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaSupplicant;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;

/**
 * What wpa_supplicant says about the Wi-Fi ports: whether the 4-way handshake is done, the SSID
 * and the signal. Its PropertiesChanged signals tell the helper when to look again, so a Wi-Fi
 * port's readiness reaches the bond as an event.
 */
public final class WifiWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WifiWatcher.class.getName());

    private final DBusConnection bus;
    private AutoCloseable subscription;

    public WifiWatcher(DBusConnection bus, Runnable changed) {
        this.bus = bus;
        try {
            subscription = bus.addSigHandler(Properties.PropertiesChanged.class, signal -> {
                if (Wpa.INTERFACE.equals(signal.getInterfaceName())
                        && signal.getPropertiesChanged().containsKey("State")) {
                    changed.run();
                }
            });
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "cannot follow wpa_supplicant's signals; Wi-Fi readiness will lag", e);
        }
    }

    /** The interface's state as wpa_supplicant sees it, or {@link WifiInfo#NONE} if it does not manage it. */
    public WifiInfo info(String ifname) {
        try {
            WpaSupplicant wpa = bus.getRemoteObject(Wpa.BUS_NAME, Wpa.PATH, WpaSupplicant.class);
            DBusPath path = wpa.GetInterface(ifname);
            Properties props = bus.getRemoteObject(Wpa.BUS_NAME, path.getPath(), Properties.class);
            String state = props.Get(Wpa.INTERFACE, "State");
            DBusPath bss = props.Get(Wpa.INTERFACE, "CurrentBSS");
            if (bss == null || "/".equals(bss.getPath())) {
                return new WifiInfo(state, "", 0, 0);
            }
            Properties b = bus.getRemoteObject(Wpa.BUS_NAME, bss.getPath(), Properties.class);
            byte[] ssid = b.Get(Wpa.BSS, "SSID");
            Short signal = b.Get(Wpa.BSS, "Signal");
            List<UInt32> rates = b.Get(Wpa.BSS, "Rates");
            long best = rates == null ? 0 : rates.stream().mapToLong(UInt32::longValue).max().orElse(0);
            return new WifiInfo(state, Ssids.display(ssid), signal == null ? 0 : signal, (int) (best / 1_000_000));
        } catch (DBusException | DBusExecutionException | ClassCastException e) {
            return WifiInfo.NONE;
        }
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }
}
