package org.bondtray.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.bondtray.testing.PrivateBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that restarts is heard of on a real dbus-daemon: each new owner, once. */
class NameOwnerTest {
    @TempDir
    Path dir;

    @Test
    void eachNewOwnerIsTold() throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            DBusConnection watcher = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            AtomicInteger back = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            // Two followers on one connection, as the helper has (wpa_supplicant, NetworkManager).
            try (NameOwner first = new NameOwner(watcher, "org.example.Other", other::incrementAndGet);
                 NameOwner owner = new NameOwner(watcher, "org.example.Service", back::incrementAndGet)) {
                for (int i = 1; i <= 2; i++) {
                    DBusConnection service = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
                    service.requestBusName("org.example.Service");
                    int expected = i;
                    long end = System.nanoTime() + 10_000_000_000L;
                    while (back.get() < expected && System.nanoTime() < end) {
                        Thread.sleep(20);
                    }
                    assertEquals(expected, back.get(), "the service's start number " + i + " was heard");
                    service.disconnect();
                }
                assertTrue(back.get() == 2);
                DBusConnection service = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
                service.requestBusName("org.example.Other");
                long end = System.nanoTime() + 10_000_000_000L;
                while (other.get() < 1 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                assertEquals(1, other.get(), "the other follower heard its own service");
                service.disconnect();
            } finally {
                watcher.disconnect();
            }
        }
    }
}
