package org.bondtray.helper;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the kernel's events into Switchover reports: which port the traffic left, which it went
 * to, why, and how long nothing carried it. Fed from the events thread with the kernel event's
 * receive time, so the figures do not include the helper's own processing.
 */
public final class SwitchoverTracker {
    /** How long an earlier event still explains a switchover. */
    private static final long EXPLAINS_NANOS = 5_000_000_000L;

    public record Switch(String from, String to, String reason, long monotonicMicros, long outageMillis) {
    }

    private String active = "";
    /** System.nanoTime() of the last switchover this helper saw; -1 when it adopted what it found. */
    private long activeSince = -1;
    private long downSince = -1;
    /** System.nanoTime() of the last change of active port, to none included (the helper's start before any). */
    private long movedAt = System.nanoTime();
    /** The port that carried traffic before the bond had none, so X → none → Y reads as X → Y. */
    private String before = "";
    private final Map<String, Long> carrierLost = new HashMap<>();
    private final Map<String, Long> carrierGained = new HashMap<>();
    private final Map<String, Long> removed = new HashMap<>();
    private String expected = "";
    private long expectedAt;

    /** Starts from what is found, without reporting it as a switchover (adoption after a restart). */
    public synchronized void adopt(String activePort) {
        active = activePort;
        activeSince = -1;
    }

    /** When the current active port took over (System.nanoTime()), or -1 if not known. */
    public synchronized long activeSince() {
        return activeSince;
    }

    /** The same as µs since the epoch, as the API shows it; 0 if not known. */
    public synchronized long activeSinceMicros() {
        return activeSince < 0 ? 0 : System.currentTimeMillis() * 1000 - (System.nanoTime() - activeSince) / 1000;
    }

    /** When the active port last changed (System.nanoTime()), to none included. */
    public synchronized long lastMoveNanos() {
        return movedAt;
    }

    public synchronized void carrier(String port, boolean up, long nanos) {
        (up ? carrierGained : carrierLost).put(port, nanos);
    }

    /**
     * The port that carried traffic last: the active one, or the one before the bond had none.
     * The kernel's link monitor can fail over before the carrier event of that port is sent,
     * so the helper checks its carrier itself when the bond reports a new active port.
     */
    public synchronized String lastCarrying() {
        return active.isEmpty() ? before : active;
    }

    /** Records a carrier loss seen directly, unless the event for it already came. */
    public synchronized void carrierLostIfUnknown(String port, long nanos) {
        if (recent(carrierLost.get(port), nanos) == null) {
            carrierLost.put(port, nanos);
        }
    }

    public synchronized void removed(String port, long nanos) {
        removed.put(port, nanos);
    }

    /** The helper itself is about to move traffic, for {@code reason} ("user-request", "preference", "wifi-ready"). */
    public synchronized void expect(String reason, long nanos) {
        expected = reason;
        expectedAt = nanos;
    }

    public synchronized String active() {
        return active;
    }

    /** The bond's active port is now {@code port} ("" for none), as of {@code nanos}. */
    public synchronized Optional<Switch> activeIs(String port, long nanos, Function<String, PortKind> kindOf) {
        if (port.equals(active)) {
            return Optional.empty();
        }
        String from = active;
        active = port;
        movedAt = nanos;
        activeSince = port.isEmpty() ? -1 : nanos;
        if (port.isEmpty()) {
            // The kernel passes through "no active port" between two ports when the old one
            // fails; remember which port that was, the switchover is reported once a new one is up.
            downSince = nanos;
            before = from;
            return Optional.empty();
        }
        if (from.isEmpty() && !before.isEmpty() && downSince >= 0 && recent(downSince, nanos) != null) {
            from = before;
        }
        before = "";
        if (from.equals(port)) {
            // A blip through "no active port" back to the same port moved no traffic anywhere.
            downSince = -1;
            return Optional.empty();
        }
        long outage = 0;
        String reason;
        Long lost = recent(carrierLost.get(from), nanos);
        Long gone = recent(removed.get(from), nanos);
        if (from.isEmpty() && downSince < 0) {
            reason = "setup";
        } else if (from.isEmpty()) {
            outage = (nanos - downSince) / 1_000_000;
            reason = kindOf.apply(port) == PortKind.WIRED ? "cable-plugged" : "wifi-ready";
        } else if (gone != null) {
            outage = (nanos - gone) / 1_000_000;
            reason = "port-removed";
        } else if (lost != null) {
            outage = (nanos - lost) / 1_000_000;
            reason = kindOf.apply(from) == PortKind.WIRELESS ? "wifi-lost" : "cable-unplugged";
        } else if (!expected.isEmpty() && recent(expectedAt, nanos) != null) {
            reason = expected;
        } else if (recent(carrierGained.get(port), nanos) != null) {
            reason = kindOf.apply(port) == PortKind.WIRED ? "cable-plugged" : "wifi-ready";
        } else {
            reason = "kernel";
        }
        expected = "";
        downSince = -1;
        carrierLost.remove(from);
        removed.remove(from);
        return Optional.of(new Switch(from, port, reason, nanos / 1000, Math.max(0, outage)));
    }

    private static Long recent(Long at, long now) {
        return at != null && now - at >= 0 && now - at < EXPLAINS_NANOS ? at : null;
    }
}
