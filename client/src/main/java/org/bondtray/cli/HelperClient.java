package org.bondtray.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.bondtray.api.Bond;
import org.bondtray.api.BondtrayBus;
import org.bondtray.api.PlainValues;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.MethodCall;

/** The command line's side of the helper's API: one connection, the bond's proxies, plain values. */
final class HelperClient implements AutoCloseable {
    /** A change may wait for someone to type an administrator password. */
    private static final long CHANGE_TIMEOUT_MS = 5 * 60 * 1000;

    /** Where the system bus listens when the environment names none (the D-Bus specification's default). */
    static final String SYSTEM_BUS_DEFAULT = "unix:path=/var/run/dbus/system_bus_socket";

    final DBusConnection bus;
    final String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);

    HelperClient(String address) throws DBusException {
        Optional<String> missing = missingSocket(address != null ? address
                : Objects.requireNonNullElse(System.getenv("DBUS_SYSTEM_BUS_ADDRESS"), SYSTEM_BUS_DEFAULT));
        if (missing.isPresent()) {
            throw new DBusException("Failed to connect to bus: no socket at " + missing.get());
        }
        DBusConnectionBuilder b = address == null ? DBusConnectionBuilder.forSystemBus()
                : DBusConnectionBuilder.forAddress(address);
        // One attempt: the library's default retries a missing socket for 10 s, and a person at
        // the terminal should hear at once that there is no bus.
        bus = b.transportConfig().withTimeout(0).back().build();
        MethodCall.setDefaultTimeout(CHANGE_TIMEOUT_MS);
    }

    /**
     * The socket of the first of {@code address}'s addresses when every one of them is a
     * {@code unix:path=} whose socket is not there: nobody can listen, and that is said before the
     * bus library and its transport load, which is most of the wait on a slow machine. Empty when
     * one may be reachable (an abstract or TCP address, or a socket that exists).
     */
    static Optional<String> missingSocket(String address) {
        String first = null;
        for (String one : address.split(";")) {
            if (one.isBlank()) {
                continue;
            }
            if (!one.startsWith("unix:")) {
                return Optional.empty();
            }
            String path = null;
            for (String pair : one.substring("unix:".length()).split(",")) {
                if (pair.startsWith("path=")) {
                    path = URLDecoder.decode(pair.substring("path=".length()).replace("+", "%2B"),
                            StandardCharsets.UTF_8);
                }
            }
            if (path == null || Files.exists(Path.of(path))) {
                return Optional.empty();
            }
            first = first == null ? path : first;
        }
        return Optional.ofNullable(first);
    }

    Bond bond() throws DBusException {
        return bus.getRemoteObject(BondtrayBus.BUS_NAME, path, Bond.class);
    }

    /** Every property as plain Java values (strings, lists, maps, numbers). */
    Map<String, Object> properties() throws DBusException {
        Properties p = bus.getRemoteObject(BondtrayBus.BUS_NAME, path, Properties.class);
        Map<String, Object> out = new LinkedHashMap<>();
        p.GetAll(BondtrayBus.BOND_INTERFACE).forEach((k, v) -> out.put(k, PlainValues.of(v)));
        return out;
    }

    /** Whether the helper is reachable: running, or startable by D-Bus activation. */
    boolean available() throws DBusException {
        DBus dbus = dbus();
        if (dbus.NameHasOwner(BondtrayBus.BUS_NAME)) {
            return true;
        }
        return java.util.Arrays.asList(dbus.ListActivatableNames()).contains(BondtrayBus.BUS_NAME);
    }

    /**
     * Has the bus start the helper if it is not running, and waits until it is on the bus. The
     * bus gives up on an activation after its own timeout (25 s on Debian's system bus) while
     * systemd goes on starting the unit, so a slow start is waited for up to {@code patience}.
     */
    boolean started(java.time.Duration patience) throws DBusException {
        DBus dbus = dbus();
        if (dbus.NameHasOwner(BondtrayBus.BUS_NAME)) {
            return true;
        }
        try {
            dbus.StartServiceByName(BondtrayBus.BUS_NAME, new org.freedesktop.dbus.types.UInt32(0));
            return true;
        } catch (org.freedesktop.dbus.exceptions.DBusExecutionException e) {
            // The bus stopped waiting, or the start failed: whether the name comes tells which.
        }
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            if (dbus.NameHasOwner(BondtrayBus.BUS_NAME)) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The bus itself, which knows who owns a name and starts services. */
    private DBus dbus() throws DBusException {
        return bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
    }

    @Override
    public void close() {
        bus.disconnect();
    }
}
