package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.List;

import org.bondtray.api.Bond;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;

/** Every Switchover signal the helper sends, with the moment it arrived here. */
final class SwitchoverLog implements AutoCloseable {
    record Entry(String from, String to, String reason, long timestampMicros, long outageMs, long receivedNanos) {
        /** Kernel event (as the helper received it) to signal received here, in ms. */
        double latencyMs() {
            return (receivedNanos / 1000.0 - timestampMicros) / 1000.0;
        }
    }

    private final Arrivals<Entry> entries = new Arrivals<>();
    private final AutoCloseable subscription;

    SwitchoverLog(DBusConnection bus) throws DBusException {
        String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
        subscription = bus.addSigHandler(Bond.Switchover.class, s -> {
            if (path.equals(s.getPath())) {
                entries.add(new Entry(s.getFrom(), s.getTo(), s.getReason(), s.getTimestampMicros(), s.getOutageMillis(),
                        System.nanoTime()));
            }
        });
    }

    int size() {
        return entries.size();
    }

    List<Entry> since(int index) {
        return entries.since(index);
    }

    /** The first switchover to {@code to} from entry {@code since} on, waiting for it up to {@code timeout}. */
    Entry await(String to, int since, Duration timeout) throws InterruptedException {
        return entries.await(since, e -> e.to().equals(to), timeout, "a Switchover to " + to);
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
