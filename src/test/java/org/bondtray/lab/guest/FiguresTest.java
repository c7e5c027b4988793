package org.bondtray.lab.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The figures a guest writes are the figures its host reads, typed, and a missing one is named. */
class FiguresTest {
    record Cut(String reason, long outageMs) {
    }

    record Cuts(int count, double medianMs, boolean everyConnectionKept, String firstLine, List<Cut> cut,
            List<Long> gaps) {
    }

    private static final Cuts CUTS = new Cuts(2, 12.5, true, "line=with \"quotes\"\nand a newline",
            List.of(new Cut("cable-unplugged", 40), new Cut("cable-plugged", 3)), List.of(84L, 240L));

    @Test
    void aRecordComesBackAsItWent() {
        Map<String, String> lines = Figures.write(CUTS);
        assertEquals(CUTS, Figures.read(Cuts.class, lines::get));
    }

    @Test
    void eachFigureIsOneLineUnderItsName() {
        Map<String, String> lines = Figures.write(CUTS);
        assertEquals("2", lines.get("count"));
        assertEquals("2", lines.get("cut.size"));
        assertEquals("cable-unplugged", lines.get("cut.0.reason"));
        assertEquals("3", lines.get("cut.1.outageMs"));
        assertEquals("240", lines.get("gaps.1"));
    }

    @Test
    void aFigureTheGuestDidNotWriteIsNamed() {
        Map<String, String> lines = new java.util.HashMap<>(Figures.write(CUTS));
        lines.remove("cut.1.outageMs");
        Figures.Missing e = assertThrows(Figures.Missing.class, () -> Figures.read(Cuts.class, lines::get));
        assertEquals("cut.1.outageMs", e.key());
    }

    @Test
    void aFigureNotMeasuredCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> Figures.write(new Cut(null, 1)));
    }

    @Test
    void aYesOrNoIsOnlyTrueOrFalse() {
        Map<String, String> lines = new java.util.HashMap<>(Figures.write(CUTS));
        lines.put("everyConnectionKept", "yes");
        assertThrows(IllegalArgumentException.class, () -> Figures.read(Cuts.class, lines::get));
    }
}
