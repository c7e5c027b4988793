package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * Every change of a port's Carrier as the helper's API published it (PropertiesChanged of Ports),
 * with the moment it arrived here: how long a cable pulled takes to show in every client.
 */
final class CarrierLog implements AutoCloseable {
    record Change(String port, boolean carrier, long receivedNanos) {
    }

    private final Arrivals<Change> changes = new Arrivals<>();
    /** Each port's carrier as last published (guarded by itself). */
    private final Map<String, Boolean> known = new HashMap<>();
    private final AutoCloseable subscription;

    CarrierLog(DBusConnection bus) throws DBusException {
        String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
        subscription = bus.addSigHandler(Properties.PropertiesChanged.class, s -> {
            Object ports = s.getPropertiesChanged().get(BondProperties.PORTS);
            if (path.equals(s.getPath()) && ports != null) {
                seen(BondReadings.unwrap(ports), System.nanoTime());
            }
        });
    }

    private void seen(Object ports, long now) {
        if (!(ports instanceof Map<?, ?> byName)) {
            return;
        }
        synchronized (known) {
            byName.forEach((name, entry) -> {
                Object fields = BondReadings.unwrap(entry);
                Object carrier = fields instanceof Map<?, ?> f ? BondReadings.unwrap(f.get(BondProperties.PORT_CARRIER)) : null;
                if (carrier instanceof Boolean up && !up.equals(known.put(String.valueOf(name), up))) {
                    changes.add(new Change(String.valueOf(name), up, now));
                }
            });
        }
    }

    /** When the API first showed {@code port}'s carrier as {@code carrier} at or after {@code since} (System.nanoTime). */
    long await(String port, boolean carrier, long since, Duration timeout) throws InterruptedException {
        return changes.await(0, c -> c.receivedNanos() >= since && c.port().equals(port) && c.carrier() == carrier,
                timeout, port + "'s carrier " + (carrier ? "up" : "down") + " in the API").receivedNanos();
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
