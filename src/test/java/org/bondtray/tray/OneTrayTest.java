package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.bondtray.testing.PrivateBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two launches in one session on a real dbus-daemon: one tray, and the second shows its status. */
class OneTrayTest {
    @TempDir
    Path dir;

    @Test
    void aSecondTrayShowsTheFirstOnesStatusAndEnds() throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            DBusConnection first = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            DBusConnection second = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            AtomicInteger shown = new AtomicInteger();
            try {
                assertTrue(OneTray.claim(first, shown::incrementAndGet), "the first tray is the session's");
                assertFalse(OneTray.claim(second, () -> { }), "a second one is not");
                OneTray.showFirst(second);
                assertEquals(1, shown.get(), "the first tray showed its status window");

                // The first quits: its name goes with it, and the next launch is the tray again.
                first.disconnect();
                DBusConnection third = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
                try {
                    long end = System.nanoTime() + 10_000_000_000L;
                    boolean took;
                    while (!(took = OneTray.claim(third, () -> { })) && System.nanoTime() < end) {
                        Thread.sleep(50);
                    }
                    assertTrue(took, "the name was released with the first tray");
                } finally {
                    third.disconnect();
                }
            } finally {
                second.disconnect();
                if (first.isConnected()) {
                    first.disconnect();
                }
            }
        }
    }
}
