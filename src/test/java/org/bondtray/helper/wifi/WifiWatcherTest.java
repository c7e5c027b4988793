package org.bondtray.helper.wifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.testing.PrivateBus;
import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaInterface;
import org.bondtray.wpa.WpaSupplicant;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper asks wpa_supplicant about each Wi-Fi port on every look: what does not change (the
 * interface's object, a BSS's SSID and rates) is asked once, and what does (the state, the access
 * point, its signal, the number of networks) until wpa_supplicant signals a change. Against
 * objects on a private bus that count the calls; the real wpa_supplicant is the lab's.
 */
class WifiWatcherTest {
    private static final String BSS = "/fi/w1/wpa_supplicant1/Interfaces/1/BSSs/7";

    /** Counts each property read, by name. */
    private static final class Counted implements Properties {
        final String path;
        final Map<String, Object> values = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

        Counted(String path) {
            this.path = path;
        }

        int reads(String name) {
            return reads.getOrDefault(name, new AtomicInteger()).get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String name) {
            reads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            Object v = values.get(name);
            if (v == null) {
                throw new DBusExecutionException("no property " + name);
            }
            return (A) v;
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            return Map.of();
        }

        @Override
        public String getObjectPath() {
            return path;
        }
    }

    private static final class Supplicant implements WpaSupplicant {
        final AtomicInteger asked = new AtomicInteger();
        volatile String path = "/fi/w1/wpa_supplicant1/Interfaces/1";

        @Override
        public DBusPath CreateInterface(Map<String, Variant<?>> args) {
            throw new DBusExecutionException("not here");
        }

        @Override
        public DBusPath GetInterface(String ifname) {
            asked.incrementAndGet();
            return new DBusPath(path);
        }

        @Override
        public void RemoveInterface(DBusPath path) {
        }

        @Override
        public String getObjectPath() {
            return Wpa.PATH;
        }
    }

    @Test
    void whatDoesNotChangeIsAskedOnce(@TempDir Path dir) throws Exception {
        PrivateBus.assumeAvailable();
        // Three clients, each with its own connection (the builder shares one per address unless told).
        try (PrivateBus bus = new PrivateBus(dir);
             DBusConnection wpa = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
             DBusConnection helper = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
             DBusConnection neighbour = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build()) {
            Supplicant supplicant = new Supplicant();
            Counted iface = new Counted(supplicant.path);
            iface.values.put("State", "completed");
            iface.values.put("CurrentBSS", new DBusPath(BSS));
            iface.values.put("Networks", new DBusPath[] {new DBusPath(supplicant.path + "/Networks/0")});
            Counted bss = new Counted(BSS);
            bss.values.put("Signal", (short) -52);
            bss.values.put("Rates", new UInt32[] {new UInt32(54_000_000), new UInt32(6_000_000)});
            bss.values.put("SSID", "office".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            wpa.exportObject(supplicant);
            wpa.exportObject(iface);
            wpa.exportObject(bss);
            wpa.requestBusName(Wpa.BUS_NAME);

            java.util.concurrent.Semaphore changed = new java.util.concurrent.Semaphore(0);
            try (WifiWatcher watcher = new WifiWatcher(helper, dir.resolve("networks.conf"), changed::release, () -> { })) {
                for (int look = 0; look < 3; look++) {
                    assertEquals(new WifiInfo("completed", "office", -52, 54), watcher.info("wlan0"));
                    assertEquals(1, watcher.networksLately("wlan0"));
                }
                assertEquals(1, supplicant.asked.get(), "the interface's object, asked once");
                assertEquals(1, bss.reads("SSID"), "a BSS's SSID, read once");
                assertEquals(1, bss.reads("Rates"), "its rates, read once");
                assertEquals(1, bss.reads("Signal"), "the signal, until wpa_supplicant says it changed");
                assertEquals(1, iface.reads("State"), "the state, until wpa_supplicant says it changed");
                assertEquals(1, iface.reads("CurrentBSS"), "the access point, until wpa_supplicant says it changed");
                assertEquals(1, iface.reads("Networks"), "the networks, until a signal says they changed");

                // A network saved (the picker's join): wpa_supplicant says so, and only its word counts.
                iface.values.put("Networks", new DBusPath[] {new DBusPath(supplicant.path + "/Networks/0"),
                        new DBusPath(supplicant.path + "/Networks/1")});
                neighbour.sendMessage(new WpaInterface.NetworkAdded(supplicant.path,
                        new DBusPath(supplicant.path + "/Networks/1"), Map.of()));
                Thread.sleep(500);
                assertEquals(1, watcher.networksLately("wlan0"), "another user's forged signal changes nothing");
                wpa.sendMessage(new WpaInterface.NetworkAdded(supplicant.path,
                        new DBusPath(supplicant.path + "/Networks/1"), Map.of()));
                assertTrue(changed.tryAcquire(10, TimeUnit.SECONDS), "wpa_supplicant's signal came");
                assertEquals(2, watcher.networksLately("wlan0"), "asked again after wpa_supplicant's signal");
                assertEquals(2, iface.reads("Networks"));

                // The state changes: a forged word changes nothing, wpa_supplicant's has it asked again.
                assertEquals("completed", watcher.info("wlan0").state());
                int statesRead = iface.reads("State");
                iface.values.put("State", "4way_handshake");
                Map<String, Variant<?>> state = Map.of("State", new Variant<>("4way_handshake"));
                neighbour.sendMessage(new Properties.PropertiesChanged(supplicant.path, Wpa.INTERFACE, state, List.of()));
                Thread.sleep(500);
                assertEquals("completed", watcher.info("wlan0").state(), "another user's forged signal changes nothing");
                wpa.sendMessage(new Properties.PropertiesChanged(supplicant.path, Wpa.INTERFACE, state, List.of()));
                assertTrue(changed.tryAcquire(10, TimeUnit.SECONDS), "a look is asked for");
                assertEquals(new WifiInfo("4way_handshake", "office", -52, 54), watcher.info("wlan0"));
                assertEquals(statesRead + 1, iface.reads("State"));

                // Another access point alone (a roam) asks for a look too.
                wpa.sendMessage(new Properties.PropertiesChanged(supplicant.path, Wpa.INTERFACE,
                        Map.of("CurrentBSS", new Variant<>(new DBusPath(BSS))), List.of()));
                assertTrue(changed.tryAcquire(10, TimeUnit.SECONDS), "a roam asks for a look");
                int bssesRead = iface.reads("CurrentBSS");
                watcher.info("wlan0");
                assertEquals(bssesRead + 1, iface.reads("CurrentBSS"));

                // A scan moves the access point's signal: asked again, with no look of its own.
                bss.values.put("Signal", (short) -67);
                wpa.sendMessage(new Properties.PropertiesChanged(BSS, Wpa.BSS, Map.of("Signal", new Variant<>((short) -67)),
                        List.of()));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (watcher.info("wlan0").signalDbm() != -67 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(-67, watcher.info("wlan0").signalDbm(), "the new signal after wpa_supplicant's word");
                assertEquals(1, bss.reads("SSID"), "the SSID still read once");

                // The adapter handed over anew: wpa_supplicant lets the old object go and makes another.
                wpa.unExportObject(iface.path);
                wpa.sendMessage(new WpaSupplicant.InterfaceRemoved(Wpa.PATH, new DBusPath(iface.path)));
                assertTrue(changed.tryAcquire(10, TimeUnit.SECONDS), "a look is asked for");
                supplicant.path = "/fi/w1/wpa_supplicant1/Interfaces/2";
                Counted again = new Counted(supplicant.path);
                again.values.putAll(iface.values);
                again.values.put("State", "scanning");
                again.values.put("CurrentBSS", new DBusPath("/"));
                wpa.exportObject(again);
                assertEquals(new WifiInfo("scanning", "", 0, 0), watcher.info("wlan0"),
                        "asked of the new object");
                assertEquals(2, supplicant.asked.get());
            }
        }
    }
}
