package org.bondtray.lab.guest;

import java.util.ArrayList;
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

    private final List<Entry> entries = new ArrayList<>();
    private final AutoCloseable subscription;

    SwitchoverLog(DBusConnection bus) throws DBusException {
        String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
        subscription = bus.addSigHandler(Bond.Switchover.class, s -> {
            if (path.equals(s.getPath())) {
                long now = System.nanoTime();
                synchronized (entries) {
                    entries.add(new Entry(s.getFrom(), s.getTo(), s.getReason(), s.getTimestampMicros(),
                            s.getOutageMillis(), now));
                    entries.notifyAll();
                }
            }
        });
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    Entry get(int i) {
        synchronized (entries) {
            return entries.get(i);
        }
    }

    List<Entry> since(int index) {
        synchronized (entries) {
            return List.copyOf(entries.subList(index, entries.size()));
        }
    }

    /**
     * The first switchover to {@code to} from entry {@code since} on, waiting for it up to
     * {@code timeout}: woken by the signal itself, so the wait adds nothing to what it measures.
     */
    Entry await(String to, int since, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (entries) {
            while (true) {
                for (Entry e : entries.subList(since, entries.size())) {
                    if (e.to().equals(to)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for a Switchover to "
                            + to + "; since then: " + entries.subList(since, entries.size()));
                }
                entries.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
    }
}
