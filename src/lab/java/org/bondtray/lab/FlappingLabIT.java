package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A cable toggled several times a second, judged from the helper's flapping scenario. */
class FlappingLabIT {
    @Test
    @DisplayName("flapping: 50 cable toggles in 10 s; bond usable after, events coalesced, no memory or threads kept")
    void flappingCableCausesNoStorm() {
        HelperFigures.Flapping r = LabRun.figures(Scenarios.HELPER_FLAPPING, HelperFigures.Flapping.class);
        assertAll(
                () -> assertEquals(50, r.toggles()),
                () -> assertTrue(r.burstMs() <= 11_000, "50 toggles took " + r.burstMs() + " ms"),
                () -> assertEquals("up", r.stateAfter()),
                () -> assertEquals("eth0", r.activeAfter()),
                () -> assertEquals(0, r.after().lost(), "the bond carries traffic after the burst"),
                () -> assertEquals(r.tcp().connections(), r.tcp().survived()),
                // UpDelay (500 ms) holds a cable that is in for 200 ms at a time back: the burst is
                // one switch to Wi-Fi and one back to the cable once it stays in.
                () -> assertTrue(r.switchovers() <= 2, r.switchovers() + " Switchover signals: " + r.switchoverList()),
                // Property changes are coalesced: at most one PropertiesChanged per 250 ms.
                () -> assertTrue(r.propertiesChanged() <= r.burstMs() / 250 + 4,
                        r.propertiesChanged() + " PropertiesChanged in " + r.burstMs() + " ms"),
                () -> assertTrue(Math.abs(r.rssAfterKb() - r.rssBeforeKb()) <= r.rssBeforeKb() / 10,
                        "RSS " + r.rssBeforeKb() + " -> " + r.rssAfterKb() + " kB"),
                () -> assertTrue(Math.abs(r.threadsAfter() - r.threadsBefore()) <= Math.max(1, r.threadsBefore() / 10),
                        "threads " + r.threadsBefore() + " -> " + r.threadsAfter()));
    }
}
