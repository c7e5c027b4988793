package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Notices across a sleep: none while it lasts, at most one after it, and only for a real change. */
class SleepQuietTest {
    private static final long S = 1_000_000_000L;
    private static final SleepQuiet.Held LOST = new SleepQuiet.Held(
            new TrayTexts.Notice("Standby lost", "Wi-Fi is down", true), "bondtray-degraded", false, false);
    private static final SleepQuiet.Held ON_WIFI = new SleepQuiet.Held(
            new TrayTexts.Notice("Now on Wi-Fi (office)", "Cable unplugged", true), "bondtray-wireless", true, true);

    @Test
    void linksThatGoDownForTheSleepAndComeBackAreNoNews() {
        SleepQuiet q = new SleepQuiet();
        assertFalse(q.holds(LOST, 0), "awake: notices pass");
        q.sleeping(true, "eth0", "192.168.50.7", S);
        assertTrue(q.holds(LOST, 2 * S));
        q.sleeping(false, "", "", 100 * S);
        assertTrue(q.holds(LOST, 101 * S), "just woke up: links are coming back");
        assertEquals(Optional.empty(), q.settled("eth0", "192.168.50.7"), "as before the sleep: nothing to tell");
        assertFalse(q.holds(LOST, 100 * S + SleepQuiet.SETTLE.toNanos()), "settled: notices pass again");
    }

    @Test
    void aCablePulledDuringTheSleepIsToldOnceAfterIt() {
        SleepQuiet q = new SleepQuiet();
        q.sleeping(true, "eth0", "192.168.50.7", S);
        assertTrue(q.holds(ON_WIFI, 2 * S));
        assertTrue(q.holds(LOST, 3 * S));
        q.sleeping(false, "", "", 50 * S);
        assertTrue(q.holds(ON_WIFI, 51 * S));
        assertTrue(q.holds(LOST, 52 * S), "a later notice of another kind");
        assertEquals(Optional.of(ON_WIFI), q.settled("wlan0", "192.168.50.7"), "the switchover, once: where traffic went");
        assertEquals(Optional.empty(), q.settled("wlan0", "192.168.50.7"));
    }
}
