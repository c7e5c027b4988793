package org.bondtray.wifi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bondtray.api.BusMatch;
import org.bondtray.wpa.Wpa;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * Waits until an interface is "completed" on the network just selected, or says why not: the
 * access point turned the password down, refused the join, or went away.
 *
 * <p>wpa_supplicant says each change of State and DisconnectReason in PropertiesChanged: the wait
 * takes them from there, and reads the properties itself only at the start and when nothing was
 * said for a while (a signal lost). It asked twice every 100 ms before: 26 reads in a 1.2 s join,
 * each one interpreted code in the command line's JVM.
 */
final class JoinWait {
    /** How long the wait trusts wpa_supplicant's signals before it looks itself. */
    private static final Duration UNSAID = Duration.ofSeconds(2);
    /** 15: the 4-way handshake timed out, which is what a wrong WPA2 key looks like. */
    private static final int WRONG_KEY_REASON = 15;

    private final WpaClient client;
    private final DBusConnection bus;
    private final String path;
    private final BlockingQueue<Map<String, Variant<?>>> said = new LinkedBlockingQueue<>();
    private String state = "";
    private int reasonBefore;
    private int reason;
    private boolean handshake;

    JoinWait(WpaClient client, DBusConnection bus, String path) {
        this.client = client;
        this.bus = bus;
        this.path = path;
    }

    void await(Duration timeout) throws WifiException, InterruptedException, DBusException {
        long end = System.nanoTime() + timeout.toNanos();
        try (AutoCloseable sub = BusMatch.at(bus, Properties.PropertiesChanged.class, path, s -> {
            if (Wpa.INTERFACE.equals(s.getInterfaceName())) {
                said.add(s.getPropertiesChanged());
            }
        })) {
            look();
            reasonBefore = reason;
            while (!Wpa.STATE_COMPLETED.equals(state)) {
                if (wrongKey()) {
                    throw WifiException.of("wifi.wrong.password");
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw givenUp(timeout);
                }
                Map<String, Variant<?>> change = said.poll(Math.min(left, UNSAID.toNanos()), TimeUnit.NANOSECONDS);
                if (change == null) {
                    look();
                }
                for (; change != null; change = said.poll()) {
                    if (change.get("State") != null) {
                        state(String.valueOf(change.get("State").getValue()));
                    }
                    if (change.get("DisconnectReason") != null && change.get("DisconnectReason").getValue() instanceof Number n) {
                        reason = n.intValue();
                    }
                }
            }
        } catch (WifiException | InterruptedException | DBusException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // only the subscription's close declares Exception; it throws none
            throw new IllegalStateException(e);
        }
    }

    /** Reads State and DisconnectReason itself: at the start, and when no signal came. */
    private void look() throws DBusException {
        reason = reasonNow();
        state(String.valueOf(get("State")));
    }

    private void state(String now) {
        state = now;
        if (now.equals("4way_handshake") || now.equals("group_handshake")) {
            handshake = true;
        }
    }

    /** The key was refused: the handshake began and the link went, or it timed out. */
    private boolean wrongKey() {
        return handshake && (state.equals("disconnected") || state.equals("scanning"))
                || reason != reasonBefore && Math.abs(reason) == WRONG_KEY_REASON;
    }

    /** Why the join gave up: the access point's refusal, if it gave one, or the time. */
    private WifiException givenUp(Duration timeout) {
        int status;
        try {
            status = ((Number) get("AuthStatusCode")).intValue();
        } catch (DBusException | RuntimeException e) {
            status = 0;
        }
        return status != 0 ? WifiException.of("wifi.auth.refused", status)
                : WifiException.of("wifi.timeout", timeout.toSeconds());
    }

    private int reasonNow() {
        try {
            return ((Number) get("DisconnectReason")).intValue();
        } catch (DBusException | RuntimeException e) {
            return 0;
        }
    }

    private Object get(String name) throws DBusException {
        return client.get(path, Wpa.INTERFACE, name);
    }
}
