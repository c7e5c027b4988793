package org.bondtray.wifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bondtray.testing.PrivateBus;
import org.bondtray.wpa.Wpa;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting for a join to complete, on a real dbus-daemon against a stand-in for wpa_supplicant's
 * interface: the wait follows its PropertiesChanged signals, as wpa_supplicant sends them, and
 * reads the properties itself only at the start. It asked twice every 100 ms before, which kept
 * the command line's interpreted JVM busy for the whole join.
 */
class ConnectWaitTest {
    private static final String PATH = "/fi/w1/wpa_supplicant1/Interfaces/3";

    @TempDir
    Path dir;

    /** The interface's properties, as wpa_supplicant answers Get; counts the asks. */
    public static final class Interface implements Properties {
        final AtomicInteger asked = new AtomicInteger();
        volatile String state = "associating";

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String name) {
            asked.incrementAndGet();
            return (A) switch (name) {
                case "State" -> state;
                default -> Integer.valueOf(0);
            };
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
            return PATH;
        }
    }

    @Test
    void theWaitEndsOnTheSignalThatSaysCompletedWithoutAskingMeanwhile() throws Exception {
        onWpa((wpa, iface, client) -> {
            says(wpa, iface, Duration.ofMillis(1200), Map.of("State", new Variant<>("completed")));
            long t0 = System.nanoTime();
            client.awaitConnected(PATH, Duration.ofSeconds(10));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 1100 && ms < 5000, "ended with the signal: " + ms + " ms");
            assertEquals(2, iface.asked.get(), "State and DisconnectReason read once, at the start");
        });
    }

    @Test
    void aHandshakeThatEndsInDisconnectedIsAWrongPassword() throws Exception {
        onWpa((wpa, iface, client) -> {
            says(wpa, iface, Duration.ofMillis(300), Map.of("State", new Variant<>("4way_handshake")));
            says(wpa, iface, Duration.ofMillis(600), Map.of("State", new Variant<>("disconnected"),
                    "DisconnectReason", new Variant<>(3)));
            WifiException e = assertThrows(WifiException.class, () -> client.awaitConnected(PATH, Duration.ofSeconds(10)));
            assertEquals(WifiException.of("wifi.wrong.password").getMessage(), e.getMessage());
        });
    }

    @Test
    void aSignalLostIsMadeUpForByLookingAfterAWhile() throws Exception {
        onWpa((wpa, iface, client) -> {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                    iface.state = "completed";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long t0 = System.nanoTime();
            client.awaitConnected(PATH, Duration.ofSeconds(10));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "found completed without a signal");
        });
    }

    interface Case {
        void run(DBusConnection wpa, Interface iface, WpaClient client) throws Exception;
    }

    /** Sets the state the stand-in answers, then says the change, {@code after} from now. */
    private static void says(DBusConnection wpa, Interface iface, Duration after, Map<String, Variant<?>> changed) {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(after.toMillis());
                if (changed.get("State") != null) {
                    iface.state = (String) changed.get("State").getValue();
                }
                wpa.sendMessage(new Properties.PropertiesChanged(PATH, Wpa.INTERFACE, changed, List.of()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void onWpa(Case test) throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            DBusConnection wpa = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            DBusConnection user = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            try {
                Interface iface = new Interface();
                wpa.requestBusName(Wpa.BUS_NAME);
                wpa.exportObject(PATH, iface);
                test.run(wpa, iface, new WpaClient(user));
            } finally {
                user.disconnect();
                wpa.disconnect();
            }
        }
    }
}
