package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the standby port may deliver: around switchovers, and never across two networks. */
class StandbyWindowTest {
    private static final long T = -7_000_000_000L; // System.nanoTime() may be negative
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shutUntilASwitchoverIsNear() {
        StandbyWindow w = new StandbyWindow();
        assertFalse(w.open(T, SameNetwork.SAME));
        assertEquals(0, w.remainingNanos(T));
    }

    @Test
    void opensWhenStirredAndShutsAfterTheLastStir() {
        StandbyWindow w = new StandbyWindow();
        w.stir(T);
        assertTrue(w.open(T + SECOND, SameNetwork.SAME));
        assertTrue(w.open(T + SECOND, SameNetwork.UNKNOWN), "not yet judged: a switchover may keep connections");
        w.stir(T + 3 * SECOND);
        assertTrue(w.open(T + StandbyWindow.OPEN_NANOS + SECOND, SameNetwork.SAME), "the later stir counts");
        assertEquals(2 * SECOND, w.remainingNanos(T + StandbyWindow.OPEN_NANOS + SECOND));
        assertFalse(w.open(T + 3 * SECOND + StandbyWindow.OPEN_NANOS, SameNetwork.SAME));
    }

    @Test
    void anEarlierStirDoesNotShortenIt() {
        StandbyWindow w = new StandbyWindow();
        w.stir(T + 4 * SECOND);
        w.stir(T);
        assertTrue(w.open(T + StandbyWindow.OPEN_NANOS + SECOND, SameNetwork.SAME));
    }

    @Test
    void neverAcrossTwoNetworks() {
        StandbyWindow w = new StandbyWindow();
        w.stir(T);
        assertFalse(w.open(T + SECOND, SameNetwork.DIFFERENT));
    }
}
