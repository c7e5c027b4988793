package org.bondtray.tray;

import java.time.Duration;
import java.util.Optional;

/**
 * The tray's notices while the machine sleeps, and for a moment after it woke up: held back.
 * Links go down for a suspend and come back after it, and a "standby lost" or a switchover
 * then is no news. What did change across the sleep (the cable pulled while the lid was shut:
 * traffic is on the Wi-Fi now) is told once, when things have settled, and only if the active
 * port or the address is not what it was before the sleep: the last switchover held, which says
 * where traffic went, or else the last notice.
 */
final class SleepQuiet {
    /** After a wake-up, how long links may take to come back before notices count again. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    /** A notice held back, as it would have been shown. */
    record Held(TrayTexts.Notice notice, String icon, boolean switchBack, boolean switchover) {
    }

    private boolean asleep;
    private long wokeAtNanos;
    private boolean woke;
    private String activeBefore = "";
    private String addressBefore = "";
    private Held held;
    private Held heldSwitchover;

    /** logind's PrepareForSleep: {@code start} before the sleep, with the bond as it was then. */
    synchronized void sleeping(boolean start, String activePort, String address, long nowNanos) {
        if (start) {
            if (!asleep) {
                activeBefore = activePort;
                addressBefore = address;
                held = null;
                heldSwitchover = null;
            }
            asleep = true;
        } else if (asleep) {
            asleep = false;
            woke = true;
            wokeAtNanos = nowNanos;
        }
    }

    /** Whether {@code h} is held back now (it is then the one to tell after the wake-up, if any). */
    synchronized boolean holds(Held h, long nowNanos) {
        if (asleep || (woke && nowNanos - wokeAtNanos < SETTLE.toNanos())) {
            if (h.switchover()) {
                heldSwitchover = h;
            } else {
                held = h;
            }
            return true;
        }
        return false;
    }

    /** Once settled after a wake-up: the one notice to show, if the bond is not as before the sleep. */
    synchronized Optional<Held> settled(String activePort, String address) {
        if (asleep || !woke) {
            return Optional.empty();
        }
        woke = false;
        Held h = heldSwitchover != null ? heldSwitchover : held;
        held = null;
        heldSwitchover = null;
        boolean changed = !activePort.equals(activeBefore) || !address.equals(addressBefore);
        return changed ? Optional.ofNullable(h) : Optional.empty();
    }
}
