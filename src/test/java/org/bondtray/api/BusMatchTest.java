package org.bondtray.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bondtray.testing.PrivateBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real dbus-daemon: the daemon itself holds the narrowed match, so another object's
 * PropertiesChanged or another name's NameOwnerChanged never reaches the subscriber's process.
 */
class BusMatchTest {
    private static final String MINE = "/org/example/Mine";
    private static final String OTHER = "/org/example/Other";

    @TempDir
    Path dir;

    @Test
    void aPathMatchBringsThatObjectsSignalsOnly() throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            DBusConnection listener = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            DBusConnection sender = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            List<String> heard = new CopyOnWriteArrayList<>();
            try (AutoCloseable sub = BusMatch.at(listener, Properties.PropertiesChanged.class, MINE,
                    s -> heard.add(s.getPath()))) {
                assertTrue(rules(bus).contains("path='" + MINE + "'"), rules(bus));
                for (String path : List.of(OTHER, MINE, OTHER, MINE)) {
                    sender.sendMessage(new Properties.PropertiesChanged(path, "org.example.Thing",
                            Map.of("State", new Variant<>("up")), List.of()));
                }
                awaitSize(heard, 2);
                // The daemon delivers in order: anything of OTHER's would have come before the last.
                assertEquals(List.of(MINE, MINE), heard);
            } finally {
                sender.disconnect();
                listener.disconnect();
            }
        }
    }

    @Test
    void anOwnerMatchBringsThatNamesChangesOnly() throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            DBusConnection listener = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            List<String> heard = new CopyOnWriteArrayList<>();
            try (AutoCloseable sub = BusMatch.ownerOf(listener, "org.example.Service", s -> heard.add(s.name))) {
                assertTrue(rules(bus).contains("arg0='org.example.Service'"), rules(bus));
                for (String name : List.of("org.example.Other", "org.example.Service")) {
                    DBusConnection service = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
                    service.requestBusName(name);
                    service.disconnect();
                }
                awaitSize(heard, 2);
                assertEquals(List.of("org.example.Service", "org.example.Service"), heard, "taken, then let go");
            } finally {
                listener.disconnect();
            }
        }
    }

    /** Every match rule the daemon holds, as its statistics interface lists them. */
    private static String rules(PrivateBus bus) throws Exception {
        Process p = new ProcessBuilder("dbus-send", "--bus=" + bus.address(), "--print-reply",
                "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                "org.freedesktop.DBus.Debug.Stats.GetAllMatchRules").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static void awaitSize(List<String> heard, int size) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (heard.size() < size && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        // A moment more, for anything that should not have come.
        Thread.sleep(200);
    }
}
