package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** How kernel events become Switchover reports, in the orders the kernel really sends them. */
class SwitchoverTrackerTest {
    private static final long MS = 1_000_000;
    private static final Function<String, PortKind> KIND = p -> p.startsWith("wl") ? PortKind.WIRELESS : PortKind.WIRED;

    @Test
    void aCutCableIsReportedWithTheOutageSinceTheCarrierWentAway() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("eth0");
        t.carrier("eth0", false, 1000 * MS);
        SwitchoverTracker.Switch s = t.activeIs("wlan0", 1035 * MS, KIND).orElseThrow();
        assertEquals("eth0", s.from());
        assertEquals("cable-unplugged", s.reason());
        assertEquals(35, s.outageMillis());
    }

    @Test
    void passingThroughNoActivePortStillReadsAsTheCableBeingPulled() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("eth0");
        assertTrue(t.activeIs("", 1000 * MS, KIND).isEmpty(), "no report while nothing carries traffic");
        t.carrier("eth0", false, 1001 * MS);
        SwitchoverTracker.Switch s = t.activeIs("wlan0", 1040 * MS, KIND).orElseThrow();
        assertEquals("eth0", s.from());
        assertEquals("cable-unplugged", s.reason());
    }

    @Test
    void everyMoveOfTheActivePortIsTimedEvenThroughNone() {
        // What a change's verdict waits out: silence counts only once the port stayed put.
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("eth0");
        t.activeIs("", 1000 * MS, KIND);
        assertEquals(1000 * MS, t.lastMoveNanos());
        t.activeIs("wlan0", 1040 * MS, KIND);
        assertEquals(1040 * MS, t.lastMoveNanos());
        t.activeIs("wlan0", 1500 * MS, KIND);
        assertEquals(1040 * MS, t.lastMoveNanos(), "no move, no new time");
    }

    @Test
    void thePluggedCableTakesOverWithoutAnOutage() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("wlan0");
        t.carrier("eth0", true, 5000 * MS);
        SwitchoverTracker.Switch s = t.activeIs("eth0", 5001 * MS, KIND).orElseThrow();
        assertEquals("cable-plugged", s.reason());
        assertEquals(0, s.outageMillis());
    }

    @Test
    void aRequestedSwitchSaysWhoAskedAndTheSameActivePortIsNoNews() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("eth0");
        t.expect("user-request", 100 * MS);
        assertEquals("user-request", t.activeIs("wlan0", 150 * MS, KIND).orElseThrow().reason());
        assertTrue(t.activeIs("wlan0", 200 * MS, KIND).isEmpty());
    }

    @Test
    void losingWifiIsNotCalledACableProblem() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("wlan0");
        t.carrier("wlan0", false, 10 * MS);
        assertEquals("wifi-lost", t.activeIs("eth0", 60 * MS, KIND).orElseThrow().reason());
    }

    @Test
    void aBlipThroughNoActivePortBackToTheSamePortIsNoSwitchover() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("wlan0");
        assertTrue(t.activeIs("", 1000 * MS, KIND).isEmpty());
        assertTrue(t.activeIs("wlan0", 1010 * MS, KIND).isEmpty());
    }

    @Test
    void theFirstPortOfANewBondIsReportedAsSetup() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("");
        assertEquals("setup", t.activeIs("eth0", 10 * MS, KIND).orElseThrow().reason());
    }

    @Test
    void aFailoverReportedBeforeTheCarrierEventIsStillACutCable() {
        SwitchoverTracker t = new SwitchoverTracker();
        t.adopt("eth0");
        // The bond's event comes first; the helper saw eth0 without carrier in sysfs.
        t.carrierLostIfUnknown(t.lastCarrying(), 2000 * MS);
        SwitchoverTracker.Switch s = t.activeIs("wlan0", 2000 * MS, KIND).orElseThrow();
        assertEquals("cable-unplugged", s.reason());
        t.carrier("eth0", false, 2001 * MS);
        assertTrue(t.activeIs("wlan0", 2002 * MS, KIND).isEmpty());
    }
}
