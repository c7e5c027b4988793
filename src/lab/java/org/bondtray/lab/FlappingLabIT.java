package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A cable toggled several times a second, judged from the helper scenario. */
class FlappingLabIT {
    private static ScenarioResult result() {
        return LabRun.shared().scenario(Scenarios.HELPER);
    }

    @Test
    @DisplayName("flapping: 50 cable toggles in 10 s; bond usable after, events coalesced, no memory or threads kept")
    void flappingCableCausesNoStorm() {
        ScenarioResult r = result();
        r.print("flap.toggles", "flap.burst_ms", "flap.settle_ms", "flap.switchovers", "flap.switchover_list",
                "flap.properties_changed",
                "flap.burst_sent", "flap.burst_lost", "flap.burst_longest_gap_ms", "flap.after_sent", "flap.after_lost",
                "flap.tcp_connections", "flap.tcp_survived", "flap.rss_before_kb", "flap.rss_after_kb",
                "flap.threads_before", "flap.threads_after", "flap.state_after", "flap.active_after");
        long rssBefore = r.number("flap.rss_before_kb");
        long threadsBefore = r.number("flap.threads_before");
        assertAll(
                () -> assertEquals(50, r.number("flap.toggles")),
                () -> assertTrue(r.number("flap.burst_ms") <= 11_000, "50 toggles took " + r.number("flap.burst_ms") + " ms"),
                () -> assertEquals("up", r.text("flap.state_after")),
                () -> assertEquals("eth0", r.text("flap.active_after")),
                () -> assertEquals(0, r.number("flap.after_lost"), "the bond carries traffic after the burst"),
                () -> assertEquals(r.number("flap.tcp_connections"), r.number("flap.tcp_survived")),
                // UpDelay (500 ms) holds a cable that is in for 200 ms at a time back: the burst is
                // one switch to Wi-Fi and one back to the cable once it stays in.
                () -> assertTrue(r.number("flap.switchovers") <= 2, r.number("flap.switchovers") + " Switchover signals: "
                        + r.text("flap.switchover_list")),
                // Property changes are coalesced: at most one PropertiesChanged per 250 ms.
                () -> assertTrue(r.number("flap.properties_changed") <= r.number("flap.burst_ms") / 250 + 4,
                        r.number("flap.properties_changed") + " PropertiesChanged in " + r.number("flap.burst_ms") + " ms"),
                () -> assertTrue(Math.abs(r.number("flap.rss_after_kb") - rssBefore) <= rssBefore / 10,
                        "RSS " + rssBefore + " -> " + r.number("flap.rss_after_kb") + " kB"),
                () -> assertTrue(Math.abs(r.number("flap.threads_after") - threadsBefore) <= Math.max(1, threadsBefore / 10),
                        "threads " + threadsBefore + " -> " + r.number("flap.threads_after")));
    }
}
