package org.bondtray.wifi;

import static org.bondtray.wpa.WpaValues.bytes;
import static org.bondtray.wpa.WpaValues.keyMgmt;
import static org.bondtray.wpa.WpaValues.path;
import static org.bondtray.wpa.WpaValues.paths;
import static org.bondtray.wpa.WpaValues.strings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bondtray.api.BusMatch;
import org.bondtray.wpa.NetworkArgs;
import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaInterface;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * A desktop user's side of wpa_supplicant's D-Bus API: networks in range, the ones it knows,
 * joining one with a password, forgetting one. Used by the command line and the Wi-Fi picker.
 */
public final class WpaClient {
    private final DBusConnection bus;

    public WpaClient(DBusConnection bus) {
        this.bus = bus;
    }

    private Properties props(String path) throws DBusException {
        return bus.getRemoteObject(Wpa.BUS_NAME, path, Properties.class);
    }

    /** One property's value, unwrapped; also JoinWait's. */
    Object get(String path, String iface, String name) throws DBusException {
        Object v = props(path).Get(iface, name);
        return v instanceof Variant<?> x ? x.getValue() : v;
    }

    /** Turns bus failures into what to do about them. */
    private static WifiException explain(Exception e) {
        String m = String.valueOf(e.getMessage());
        String type = e instanceof DBusExecutionException x && x.getType() != null ? x.getType() : "";
        if (type.endsWith("AccessDenied") || m.contains("AccessDenied") || m.contains("rejected send message")) {
            return WifiException.of("wifi.bus.denied");
        }
        if (type.endsWith("ServiceUnknown") || type.endsWith("NameHasNoOwner") || m.contains("ServiceUnknown")) {
            return WifiException.of("wifi.not.running");
        }
        return new WifiException(m);
    }

    /** The interface's object path: {@code ifname}, or the first Wi-Fi interface wpa_supplicant manages. */
    public String interfacePath(String ifname) throws WifiException {
        try {
            List<String> paths = paths(get(Wpa.PATH, "fi.w1.wpa_supplicant1", "Interfaces"));
            for (String p : paths) {
                if (ifname == null || ifname.equals(get(p, Wpa.INTERFACE, "Ifname"))) {
                    return p;
                }
            }
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
        throw ifname == null ? WifiException.of("wifi.no.interface") : WifiException.of("wifi.not.managed", ifname);
    }

    public String ifname(String path) throws WifiException {
        try {
            return String.valueOf(get(path, Wpa.INTERFACE, "Ifname"));
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /** Every access point in the interface's cached scan results. */
    public List<WifiNetwork.Bss> bsses(String path) throws WifiException {
        try {
            List<WifiNetwork.Bss> out = new ArrayList<>();
            for (String bss : paths(get(path, Wpa.INTERFACE, "BSSs"))) {
                Map<String, Variant<?>> p = props(bss).GetAll(Wpa.BSS);
                out.add(new WifiNetwork.Bss(bytes(p.get("SSID").getValue()),
                        ((Number) p.get("Signal").getValue()).intValue(),
                        ((Number) p.get("Frequency").getValue()).intValue(),
                        Security.of(keyMgmt(p.get("RSN").getValue()), keyMgmt(p.get("WPA").getValue()),
                                Boolean.TRUE.equals(p.get("Privacy").getValue()))));
            }
            return out;
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /** The configured networks: object path → SSID bytes. */
    public Map<String, byte[]> networks(String path) throws WifiException {
        try {
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (String n : paths(get(path, Wpa.INTERFACE, "Networks"))) {
                Object p = get(n, Wpa.NETWORK, "Properties");
                Object ssid = p instanceof Map<?, ?> m ? m.get("ssid") : null;
                out.put(n, NetworkArgs.configSsid(String.valueOf(ssid instanceof Variant<?> x ? x.getValue() : ssid)));
            }
            return out;
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /** The SSID of the access point in use, or null. */
    public byte[] currentSsid(String path) throws WifiException {
        try {
            String bss = path(get(path, Wpa.INTERFACE, "CurrentBSS"));
            return bss.equals("/") ? null : bytes(get(bss, Wpa.BSS, "SSID"));
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    public String state(String path) throws WifiException {
        try {
            return String.valueOf(get(path, Wpa.INTERFACE, "State"));
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /** The list as the user sees it, from the cached results. */
    public List<WifiNetwork> list(String path) throws WifiException {
        Set<String> known = new LinkedHashSet<>();
        networks(path).values().forEach(s -> known.add(HexFormat.of().formatHex(s)));
        return WifiNetwork.rows(bsses(path), known, currentSsid(path));
    }

    /** Asks for a fresh scan and waits for it; false if it did not finish within {@code timeout}. */
    public boolean scan(String path, Duration timeout) throws WifiException {
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean ok = new AtomicBoolean();
        try (AutoCloseable sub = onScanDone(path, success -> {
            ok.set(success);
            done.countDown();
        })) {
            requestScan(path);
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            if (!ok.get()) {
                throw scanFailed();
            }
            return true;
        } catch (WifiException e) {
            throw e;
        } catch (Exception e) {
            throw explain(e);
        }
    }

    /** What a ScanDone with success=false means to a user. */
    public static WifiException scanFailed() {
        return WifiException.of("wifi.scan.failed");
    }

    /** Calls {@code done} with the outcome of every scan of the interface until the result is closed. */
    public AutoCloseable onScanDone(String path, java.util.function.Consumer<Boolean> done) throws WifiException {
        try {
            return BusMatch.at(bus, WpaInterface.ScanDone.class, path, s -> {
                if (path.equals(s.getPath())) {
                    done.accept(s.getSuccess());
                }
            });
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * Asks for an active scan and returns at once; the outcome comes as ScanDone. wpa_supplicant
     * refuses the ask while a scan is pending or running (its own, the helper's, another
     * program's): that scan's ScanDone comes instead, and its results are as fresh.
     */
    public void requestScan(String path) throws WifiException {
        try {
            bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class).Scan(Map.of("Type", new Variant<>("active")));
        } catch (DBusExecutionException e) {
            String type = String.valueOf(e.getType());
            if (type.endsWith("ScanError") || String.valueOf(e.getMessage()).contains("Scan request rejected")) {
                return;
            }
            throw explain(e);
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * Adds {@code ssid} with {@code password} (null for an open network) and selects it. WPA2 gets
     * the key computed here; WPA3 (SAE) needs the password itself, by design of SAE.
     */
    public String connect(String path, byte[] ssid, Security security, char[] password, boolean hidden)
            throws WifiException {
        Map<String, Variant<?>> args = switch (security) {
            case OPEN -> NetworkArgs.open(ssid);
            case WPA, WPA2, WPA2_WPA3 -> {
                String bad = Psk.check(password);
                if (!bad.isEmpty()) {
                    throw WifiException.of(bad);
                }
                yield NetworkArgs.wpaPsk(ssid, Psk.raw(password, ssid));
            }
            case WPA3 -> {
                if (password.length == 0) {
                    throw WifiException.of("wifi.sae.empty");
                }
                yield NetworkArgs.sae(ssid, new String(password));
            }
            default -> throw WifiException.of("wifi.not.joinable", security.label());
        };
        if (hidden) {
            args.put("scan_ssid", new Variant<>(1));
        }
        try {
            WpaInterface wpa = bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class);
            DBusPath network = wpa.AddNetwork(args);
            wpa.SelectNetwork(network);
            return network.getPath();
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * Waits until the interface is "completed" on {@code network}; says why not if it gives up:
     * the AP turned the password down, or went away.
     */
    public void awaitConnected(String path, Duration timeout) throws WifiException, InterruptedException {
        try {
            new JoinWait(this, bus, path).await(timeout);
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * Joins a network the whole way: adds it, waits for the connection, drops a block whose
     * password did not work (or wpa_supplicant would keep trying it), replaces older blocks for the
     * SSID with the one just proven, and saves. The password is wiped here. Returns whether the
     * networks could be saved to wpa_supplicant's configuration file.
     */
    public boolean join(String path, byte[] ssid, Security security, char[] password, boolean hidden, Duration timeout)
            throws WifiException, InterruptedException {
        String network;
        try {
            network = connect(path, ssid, security, password, hidden);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        try {
            awaitConnected(path, timeout);
        } catch (WifiException | InterruptedException e) {
            remove(path, network);
            throw e;
        }
        dropOlder(path, ssid, network);
        return save(path);
    }

    /** Selects the network wpa_supplicant already knows for {@code ssid} and waits for the connection. */
    public void rejoin(String path, byte[] ssid, Duration timeout) throws WifiException, InterruptedException {
        String block = networks(path).entrySet().stream().filter(n -> java.util.Arrays.equals(n.getValue(), ssid))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> WifiException.of("wifi.unknown.network", SsidText.show(ssid)));
        try {
            bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class).SelectNetwork(new DBusPath(block));
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
        awaitConnected(path, timeout);
    }

    /** Removes one network block (one just added that did not work). */
    public void remove(String path, String network) {
        try {
            bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class).RemoveNetwork(new DBusPath(network));
        } catch (DBusException | RuntimeException e) {
            // already gone
        }
    }

    /** Removes the other blocks for the SSID of {@code keep}: the password just proven replaces them. */
    public void dropOlder(String path, byte[] ssid, String keep) throws WifiException {
        for (Map.Entry<String, byte[]> n : networks(path).entrySet()) {
            if (!n.getKey().equals(keep) && java.util.Arrays.equals(n.getValue(), ssid)) {
                remove(path, n.getKey());
            }
        }
    }

    /** Removes every network block for {@code ssid}; how many there were. */
    public int forget(String path, byte[] ssid) throws WifiException {
        int removed = 0;
        try {
            WpaInterface wpa = bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class);
            for (Map.Entry<String, byte[]> n : networks(path).entrySet()) {
                if (java.util.Arrays.equals(n.getValue(), ssid)) {
                    wpa.RemoveNetwork(new DBusPath(n.getKey()));
                    removed++;
                }
            }
        } catch (DBusException | RuntimeException e) {
            throw explain(e);
        }
        return removed;
    }

    /** Writes the networks to wpa_supplicant's configuration file, if it has a writable one. */
    public boolean save(String path) {
        try {
            bus.getRemoteObject(Wpa.BUS_NAME, path, WpaInterface.class).SaveConfig();
            return true;
        } catch (DBusException | RuntimeException e) {
            return false;
        }
    }
}
