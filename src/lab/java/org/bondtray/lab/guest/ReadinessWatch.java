package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bondtray.wpa.Wpa;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * Records, on one clock, every change of the bond's active port (sysfs, sampled every 2 ms) and
 * every wpa_supplicant State change (its signals), so a scenario can tell whether a Wi-Fi port
 * carried traffic before its keys were in place.
 */
final class ReadinessWatch implements AutoCloseable {
    record Event(long nanos, String what, String value) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Thread sampler;
    private final AutoCloseable subscription;
    private volatile boolean running = true;

    ReadinessWatch(DBusConnection bus, String bond) throws DBusException {
        subscription = bus.addSigHandler(Properties.PropertiesChanged.class, s -> {
            if (Wpa.INTERFACE.equals(s.getInterfaceName()) && s.getPropertiesChanged().containsKey("State")) {
                add(new Event(System.nanoTime(), "wpa", String.valueOf(s.getPropertiesChanged().get("State").getValue())));
            }
        });
        Path active = Path.of("/sys/class/net", bond, "bonding", "active_slave");
        sampler = Thread.ofPlatform().daemon().name("active-sampler").start(() -> {
            String last = null;
            while (running) {
                try {
                    String now = Files.readString(active).strip();
                    if (!now.equals(last)) {
                        add(new Event(System.nanoTime(), "active", now));
                        last = now;
                    }
                    Thread.sleep(2);
                } catch (IOException e) {
                    // the bond may be gone for a moment
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private synchronized void add(Event e) {
        events.add(e);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws Exception {
        running = false;
        sampler.join(1000);
        subscription.close();
    }
}
