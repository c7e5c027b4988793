package org.bondtray.tray.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bondtray.api.BondSnapshot;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static final BondSnapshot.Port CABLE = new BondSnapshot.Port("eth0", "wired", true, 1000, "", 0, "active", "");
    private static final BondSnapshot.Port WIFI = new BondSnapshot.Port("wlan0", "wireless", true, 0, "HomeNet", -61,
            "backup", "");

    private static BondSnapshot on(String active) {
        return new BondSnapshot(true, "up", "", "wired", active, List.of(), "same-network", List.of(CABLE, WIFI));
    }

    @Test
    void samplesKeepAnHourAndSayWhichLinkCarriedTheTraffic() {
        History h = new History();
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        for (int m = 0; m <= 90; m += 10) {
            h.sample(t0.plus(Duration.ofMinutes(m)), on(m < 50 ? "eth0" : "wlan0"));
        }
        List<History.Sample> s = h.samples();
        assertEquals(t0.plus(Duration.ofMinutes(30)), s.get(0).at(), "older than an hour is dropped");
        assertEquals(7, s.size());
        assertEquals("wired", s.get(0).activeKind());
        assertEquals("wireless", s.get(s.size() - 1).activeKind());
        assertEquals(-61, s.get(0).wifiSignalDbm(), "the Wi-Fi's signal, even as standby");
        History quiet = new History();
        quiet.sample(t0, on("eth0"));
        quiet.sample(t0.plus(Duration.ofHours(3)), on("eth0"));
        assertEquals(List.of(t0, t0.plus(Duration.ofHours(3))), quiet.samples().stream().map(History.Sample::at).toList(),
                "with no change for hours, the reading from before the hour still tells how it began");
        History none = new History();
        none.sample(t0, BondSnapshot.unreachable("gone"));
        assertEquals("", none.samples().get(0).activeKind(), "no helper: no link known to carry anything");
    }

    @Test
    void switchesAreNewestFirstCappedAndHeardByListeners() {
        History h = new History();
        AtomicInteger heard = new AtomicInteger();
        h.listen(heard::incrementAndGet);
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        for (int i = 0; i < History.MAX_SWITCHES + 5; i++) {
            h.switched(t0.plusSeconds(i), "eth0", "wlan0", "cable-unplugged", i);
        }
        assertEquals(History.MAX_SWITCHES, h.switches().size());
        assertEquals(History.MAX_SWITCHES + 4, h.switches().get(0).outageMs(), "newest first");
        assertEquals(History.MAX_SWITCHES + 5, heard.get());
    }
}
