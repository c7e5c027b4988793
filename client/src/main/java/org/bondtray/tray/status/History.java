package org.bondtray.tray.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bondtray.api.BondSnapshot;

/**
 * What the status window shows of the past: every switchover (the newest {@value #MAX_SWITCHES})
 * and, for the last hour, which link carried the traffic and how strong the Wi-Fi was. The tray
 * records into it from its start, so the window has a past when it is first opened.
 */
public final class History {
    /** The chart's span. */
    public static final Duration SPAN = Duration.ofHours(1);
    static final int MAX_SWITCHES = 200;

    /** One change of active port, as the helper's Switchover signal told it. */
    public record Switch(Instant at, String from, String to, String reason, long outageMs) {
    }

    /** One reading: the active link's kind ("" = none), the Wi-Fi port's signal in dBm (0 = none). */
    public record Sample(Instant at, String activeKind, int wifiSignalDbm) {
    }

    private final Deque<Switch> switches = new ArrayDeque<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void switched(Instant at, String from, String to, String reason, long outageMs) {
        synchronized (this) {
            switches.addFirst(new Switch(at, from, to, reason, outageMs));
            while (switches.size() > MAX_SWITCHES) {
                switches.removeLast();
            }
        }
        changed();
    }

    public void sample(Instant at, BondSnapshot s) {
        BondSnapshot.Port active = s.active();
        int signal = s.ports().stream().filter(BondSnapshot.Port::wireless).filter(p -> p.signal() != 0)
                .mapToInt(BondSnapshot.Port::signal).max().orElse(0);
        synchronized (this) {
            samples.addLast(new Sample(at, active == null ? "" : active.kind(), signal));
            // A reading holds until the next one, so the newest from before the hour stays: it
            // says how the hour began. Readings come with changes only, not on a timer.
            Instant start = at.minus(SPAN);
            while (samples.size() > 1 && !second().at().isAfter(start)) {
                samples.removeFirst();
            }
        }
        changed();
    }

    /** Newest first. */
    public synchronized List<Switch> switches() {
        return List.copyOf(switches);
    }

    private Sample second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    /** Oldest first: the hour's readings, and the one that was in force as it began. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Called (on the recording thread) after every change; a window moves it to its own thread. */
    public AutoCloseable listen(Runnable r) {
        listeners.add(r);
        return () -> listeners.remove(r);
    }

    private void changed() {
        for (Runnable r : new ArrayList<>(listeners)) {
            r.run();
        }
    }
}
