package org.bondtray.helper.wifi;

import static org.bondtray.wpa.WpaValues.items;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.api.BusMatch;
import org.bondtray.api.NameOwner;
import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.wifi.SsidText;
import org.bondtray.wifi.WifiException;
import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaInterface;
import org.bondtray.wpa.WpaSupplicant;
import org.bondtray.wpa.WpaValues;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * What wpa_supplicant says about the Wi-Fi ports: whether the 4-way handshake is done, the SSID
 * and the signal. Its PropertiesChanged signals tell the helper when to look again, so a Wi-Fi
 * port's readiness reaches the bond as an event.
 */
public final class WifiWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WifiWatcher.class.getName());
    private static final int MAX_BSSES = 64;

    /** How long another manager may take to let wpa_supplicant drop an adapter it let go of. */
    private static final java.time.Duration RELEASE_WAIT = java.time.Duration.ofSeconds(5);

    private final DBusConnection bus;
    private final WpaNetworks networks;
    private final java.util.Set<String> told = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<Integer> handedOver = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private AutoCloseable subscription;
    private AutoCloseable networkAdded;
    private AutoCloseable networkRemoved;
    private AutoCloseable interfaceRemoved;
    /** wpa_supplicant's unique name: its signals alone count. */
    private NameOwner wpaOwner;

    // Asked on every look, which in the lab's emulated VM took 90-340 ms, most of it in eight
    // calls to wpa_supplicant per Wi-Fi port: what does not change is asked once.
    /** The object of each interface wpa_supplicant manages, by name; dropped when a call on it fails. */
    private final Map<String, String> paths = new ConcurrentHashMap<>();
    /** What a BSS object keeps for its life: its SSID (shown) and its best rate. */
    private record BssFacts(String ssid, int bestMbps) {
    }
    private final Map<String, BssFacts> bsses = new ConcurrentHashMap<>();
    /** {@link #networks} by interface, until wpa_supplicant signals a change of networks or state. */
    private final Map<String, Integer> networkCounts = new ConcurrentHashMap<>();
    /**
     * {@link #info} by interface, with its access point's object, until wpa_supplicant signals a
     * change of the state, of the access point or of its signal. The look asks on every pass, and
     * these three questions were most of a look's time in the lab's emulated VM; wpa_supplicant
     * says each change itself, as NetworkManager relies on.
     */
    private record Seen(WifiInfo info, String bss) {
    }
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    /** Counts wpa_supplicant's changes, so an answer asked before one is not kept after it. */
    private final AtomicLong changes = new AtomicLong();

    /**
     * @param networks  the wpa_supplicant configuration for adapters the helper hands over; networks
     *                  saved there come back with an adapter that is plugged in again
     * @param restarted told when wpa_supplicant comes (back) on the bus: it has dropped every
     *                  interface it had, and {@link #handOver} may take each again
     */
    public WifiWatcher(DBusConnection bus, Path networks, Runnable changed, Runnable restarted) {
        this.bus = bus;
        this.networks = new WpaNetworks(bus, networks);
        try {
            // Another local user may send a PropertiesChanged that claims to be wpa_supplicant's.
            wpaOwner = new NameOwner(bus, Wpa.BUS_NAME, () -> {
                LOG.info("wpa_supplicant is on the bus anew: it has dropped the interfaces it had");
                handedOver.clear();
                told.clear();
                forgetAsked();
                paths.clear();
                bsses.clear();
                restarted.run();
            });
            subscription = BusMatch.under(bus, Properties.PropertiesChanged.class, Wpa.PATH, signal -> {
                if (!wpaOwner.sent(signal)) {
                    return;
                }
                Map<String, Variant<?>> now = signal.getPropertiesChanged();
                if (Wpa.INTERFACE.equals(signal.getInterfaceName())
                        && (now.containsKey("State") || now.containsKey("CurrentBSS"))) {
                    forgetAsked();
                    if (now.containsKey("State")) {
                        // A network joined from the picker was saved by wpa_supplicant just before.
                        keepSecret();
                    }
                    // Another access point without a change of state is a roam: maybe to another network.
                    changed.run();
                } else if (Wpa.BSS.equals(signal.getInterfaceName()) && now.containsKey("Signal")) {
                    // A scan updates every access point's signal; only the ones in use are asked again
                    // (and none read while it came is kept, whichever it was).
                    changes.incrementAndGet();
                    seen.values().removeIf(k -> k.bss().equals(signal.getPath()));
                }
            });
            interfaceRemoved = bus.addSigHandler(WpaSupplicant.InterfaceRemoved.class, signal -> {
                if (wpaOwner.sent(signal)) {
                    String path = signal.iface().getPath();
                    paths.values().removeIf(path::equals);
                    forgetAsked();
                    changed.run();
                }
            });
            // A network added or removed (the picker's join, a forget) may change which to prefer.
            networkAdded = bus.addSigHandler(WpaInterface.NetworkAdded.class, signal -> {
                if (wpaOwner.sent(signal)) {
                    forgetAsked();
                    changed.run();
                }
            });
            networkRemoved = bus.addSigHandler(WpaInterface.NetworkRemoved.class, signal -> {
                if (wpaOwner.sent(signal)) {
                    forgetAsked();
                    changed.run();
                }
            });
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "cannot follow wpa_supplicant's signals; Wi-Fi readiness will lag", e);
        }
    }

    /** Keeps the networks file root's alone (see {@link WpaNetworks#keepSecret}). */
    public void keepSecret() {
        networks.keepSecret();
    }

    /** The interface's state as wpa_supplicant sees it, or {@link WifiInfo#NONE} if it does not manage it. */
    public WifiInfo info(String ifname) {
        Seen known = seen.get(ifname);
        if (known != null) {
            return known.info();
        }
        long before = changes.get();
        try {
            Seen now = onInterface(ifname, this::read);
            if (changes.get() == before) {
                seen.put(ifname, now);
            }
            return now.info();
        } catch (DBusExecutionException e) {
            // Not an interface wpa_supplicant manages (or it is not running): judged by carrier.
            // Said once per reason, so a log does not fill with it.
            if (told.add(ifname + ": " + e.getMessage())) {
                LOG.info("wpa_supplicant does not manage " + ifname + " (" + e.getMessage()
                        + "); its readiness is judged by carrier");
            }
            return WifiInfo.NONE;
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read wpa_supplicant's view of " + ifname, e);
            return WifiInfo.NONE;
        }
    }

    private Seen read(Properties props) throws DBusException {
        String state = String.valueOf((Object) props.Get(Wpa.INTERFACE, "State"));
        Object bss = props.Get(Wpa.INTERFACE, "CurrentBSS");
        String bssPath = bss instanceof DBusPath p ? p.getPath() : String.valueOf(bss);
        if (bss == null || "/".equals(bssPath)) {
            return new Seen(new WifiInfo(state, "", 0, 0), "");
        }
        Properties b = bus.getRemoteObject(Wpa.BUS_NAME, bssPath, Properties.class);
        Object signal = b.Get(Wpa.BSS, "Signal");
        BssFacts kept = bsses.get(bssPath);
        if (kept == null) {
            long best = 0;
            for (Object rate : items(b.Get(Wpa.BSS, "Rates"))) {
                best = Math.max(best, ((Number) rate).longValue());
            }
            kept = new BssFacts(SsidText.show(WpaValues.bytes(b.Get(Wpa.BSS, "SSID"))), (int) (best / 1_000_000));
            if (bsses.size() >= MAX_BSSES) {
                // Access points come and go for as long as wpa_supplicant runs: what is kept stays small.
                bsses.clear();
            }
            bsses.put(bssPath, kept);
        }
        return new Seen(new WifiInfo(state, kept.ssid(), signal instanceof Number n ? n.intValue() : 0, kept.bestMbps()),
                bssPath);
    }

    /**
     * {@link #networks}, as last asked, until wpa_supplicant signals a change of its networks or of
     * a state: for the look, which asks on every pass.
     */
    public int networksLately(String ifname) {
        Integer known = networkCounts.get(ifname);
        if (known != null) {
            return known;
        }
        long before = changes.get();
        int now = networks(ifname);
        if (changes.get() == before) {
            networkCounts.put(ifname, now);
        }
        return now;
    }

    private void forgetAsked() {
        changes.incrementAndGet();
        networkCounts.clear();
        seen.clear();
    }

    /**
     * How many networks wpa_supplicant has for {@code ifname}, or -1 if it does not manage it (or
     * is not running): an adapter it manages with none can never associate.
     */
    public int networks(String ifname) {
        try {
            return onInterface(ifname, props -> items(props.Get(Wpa.INTERFACE, "Networks")).size());
        } catch (DBusException | DBusExecutionException e) {
            return -1;
        }
    }

    /**
     * Hands a Wi-Fi adapter that wpa_supplicant does not manage (one just plugged in) to it, with
     * the helper's networks file, so it associates with a known network by itself. Tried once per
     * interface index: an adapter wpa_supplicant refuses is left to whoever else may want it.
     *
     * @return whether wpa_supplicant took the adapter now
     */
    public boolean handOver(String ifname, int index) {
        if (!handedOver.add(index)) {
            return false;
        }
        try {
            WpaSupplicant wpa = supplicant();
            if (manages(wpa, ifname)) {
                LOG.info("wpa_supplicant manages " + ifname + " already; it is not handed over");
                return false;
            }
            create(wpa, ifname);
            return true;
        } catch (DBusException | DBusExecutionException | IOException e) {
            LOG.warning("could not hand " + ifname + " to wpa_supplicant: " + e.getMessage());
            return false;
        }
    }

    /**
     * Takes a Wi-Fi adapter another manager just let go of: once wpa_supplicant has dropped that
     * manager's interface, hands the adapter over with the helper's networks file, adds
     * {@code network} (the one the other manager had it on) unless a network of that SSID is
     * known already, selects it and saves, so it comes back after a restart.
     */
    public void adopt(String ifname, Optional<Map<String, Variant<?>>> network) throws IOException, InterruptedException {
        try {
            WpaSupplicant wpa = supplicant();
            long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
            while (manages(wpa, ifname) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            DBusPath path = manages(wpa, ifname) ? wpa.GetInterface(ifname) : create(wpa, ifname);
            if (network.isPresent()) {
                networks.select(ifname, path, network.get());
            }
        } catch (DBusException | DBusExecutionException | WifiException e) {
            throw new IOException("wpa_supplicant did not take " + ifname + ": " + e.getMessage(), e);
        }
    }

    /**
     * Has wpa_supplicant prefer, among the networks it knows for {@code ifname}, those in
     * {@code keeping} (SSIDs as shown): priority 1 for them, 0 for the others, saved so it holds
     * over a restart. wpa_supplicant then joins a keeping network whenever it chooses anew (a
     * scan, a lost access point, a resume). A priority the user gave (any other number) is left
     * as it is.
     */
    public void prefer(String ifname, java.util.Collection<String> keeping) {
        try {
            networks.prefer(ifname, supplicant().GetInterface(ifname).getPath(), keeping);
        } catch (DBusException | DBusExecutionException | WifiException e) {
            LOG.warning("could not have wpa_supplicant prefer the networks that keep connections on " + ifname + ": "
                    + e.getMessage());
        }
    }

    /** Lets go of an adapter the helper handed to wpa_supplicant, so another manager can take it. */
    public void forget(String ifname) {
        try {
            WpaSupplicant wpa = supplicant();
            if (manages(wpa, ifname)) {
                wpa.RemoveInterface(wpa.GetInterface(ifname));
            }
            paths.remove(ifname);
            forgetAsked();
        } catch (DBusException | DBusExecutionException e) {
            LOG.warning("could not take " + ifname + " from wpa_supplicant: " + e.getMessage());
        }
    }

    private static boolean manages(WpaSupplicant wpa, String ifname) {
        try {
            wpa.GetInterface(ifname);
            return true;
        } catch (DBusExecutionException unknown) {
            return false;
        }
    }

    private DBusPath create(WpaSupplicant wpa, String ifname) throws IOException {
        paths.remove(ifname);
        forgetAsked();
        networks.ensureFile();
        DBusPath path = wpa.CreateInterface(Map.of("Ifname", new Variant<>(ifname), "ConfigFile",
                new Variant<>(networks.file().toString())));
        LOG.info("handed " + ifname + " to wpa_supplicant with the networks in " + networks.file());
        return path;
    }

    private WpaSupplicant supplicant() throws DBusException {
        return bus.getRemoteObject(Wpa.BUS_NAME, Wpa.PATH, WpaSupplicant.class);
    }

    /** What is read from wpa_supplicant's object for an interface. */
    private interface Reading<T> {
        T from(Properties props) throws DBusException;
    }

    /**
     * {@code reading} on the object of {@code ifname}, by the path kept for it; if a call on a kept
     * path fails, the object went (the adapter was handed over anew): asked for again, once.
     */
    private <T> T onInterface(String ifname, Reading<T> reading) throws DBusException {
        try {
            return reading.from(interfaceProperties(ifname));
        } catch (DBusExecutionException e) {
            if (paths.remove(ifname) == null) {
                throw e;
            }
            return reading.from(interfaceProperties(ifname));
        }
    }

    private Properties interfaceProperties(String ifname) throws DBusException {
        String path = paths.get(ifname);
        if (path == null) {
            path = supplicant().GetInterface(ifname).getPath();
            paths.put(ifname, path);
        }
        return bus.getRemoteObject(Wpa.BUS_NAME, path, Properties.class);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {subscription, networkAdded, networkRemoved, interfaceRemoved}) {
            if (c != null) {
                c.close();
            }
        }
        if (wpaOwner != null) {
            wpaOwner.close();
        }
    }
}
