package org.bondtray.wifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bondtray.testing.PrivateBus;
import org.bondtray.wpa.Wpa;
import org.bondtray.wpa.WpaInterface;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wpa_supplicant refuses a Scan while another scan runs (its own, the helper's, another
 * program's). On a real dbus-daemon, a stand-in for its interface that does so, then says the
 * running scan is done: the command line's scan and the picker's ask take that one instead of
 * giving up with an error.
 */
class ScanRefusedTest {
    private static final String PATH = "/fi/w1/wpa_supplicant1/Interfaces/7";

    @TempDir
    Path dir;

    /** Refuses every Scan, as wpa_supplicant does while one runs; counts the asks. */
    static final class Busy implements WpaInterface {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public void Scan(Map<String, Variant<?>> args) {
            asked.incrementAndGet();
            throw new DBusExecutionException("Scan request rejected");
        }

        @Override
        public DBusPath AddNetwork(Map<String, Variant<?>> args) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void SelectNetwork(DBusPath network) {
        }

        @Override
        public void RemoveNetwork(DBusPath network) {
        }

        @Override
        public void RemoveAllNetworks() {
        }

        @Override
        public void Disconnect() {
        }

        @Override
        public void Reassociate() {
        }

        @Override
        public void SaveConfig() {
        }

        @Override
        public String getObjectPath() {
            return PATH;
        }
    }

    /** The command line: its scan returns the running scan's results. */
    @Test
    void aScanRefusedWhileAnotherRunsWaitsForThatOne() throws Exception {
        onBusyWpa((client, busy) -> {
            assertTrue(client.scan(PATH, Duration.ofSeconds(10)), "the running scan's results, not 'rejected, try again'");
            assertEquals(1, busy.asked.get(), "asked once");
        });
    }

    /** The picker: its ask is no error, and the running scan's end comes as its own would. */
    @Test
    void aRefusedAskIsAnsweredByTheRunningScansEnd() throws Exception {
        onBusyWpa((client, busy) -> {
            CountDownLatch done = new CountDownLatch(1);
            try (AutoCloseable sub = client.onScanDone(PATH, ok -> done.countDown())) {
                client.requestScan(PATH);
                assertTrue(done.await(10, TimeUnit.SECONDS), "the running scan's ScanDone");
            }
            assertEquals(1, busy.asked.get(), "asked once");
        });
    }

    interface Case {
        void run(WpaClient client, Busy busy) throws Exception;
    }

    /** {@code test} against a stand-in that refuses every Scan, and says a scan ended 300 ms after the first ask. */
    private void onBusyWpa(Case test) throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            DBusConnection wpa = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            DBusConnection user = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            try {
                Busy busy = new Busy();
                wpa.requestBusName(Wpa.BUS_NAME);
                wpa.exportObject(PATH, busy);
                // The running scan ends a moment after the ask was refused.
                Thread.ofVirtual().start(() -> {
                    try {
                        while (busy.asked.get() == 0) {
                            Thread.sleep(10);
                        }
                        Thread.sleep(300);
                        wpa.sendMessage(new WpaInterface.ScanDone(PATH, true));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                test.run(new WpaClient(user), busy);
            } finally {
                user.disconnect();
                wpa.disconnect();
            }
        }
    }
}
