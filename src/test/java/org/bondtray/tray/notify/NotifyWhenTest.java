package org.bondtray.tray.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.TraySettings;
import org.bondtray.tray.TrayTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifications she chose: every switchover, only when connections were at risk, or none. */
class NotifyWhenTest {
    private static final TrayTexts EN = new TrayTexts(new Texts(Locale.ENGLISH));
    private static final BondSnapshot.Port CABLE = new BondSnapshot.Port("eth0", "wired", true, 1000, "", 0, "backup", "");
    private static final BondSnapshot.Port WIFI = new BondSnapshot.Port("wlan0", "wireless", true, 0, "HomeNet", -60,
            "active", "");

    private static BondSnapshot bond(String network) {
        return new BondSnapshot(true, "up", "", "wired", "wlan0", List.of("192.168.50.7/24"), network, List.of(CABLE, WIFI));
    }

    @Test
    void onlyNoticesOfConnectionsAtRiskWhenSheAsksForThose() {
        TrayTexts.Notice kept = EN.switchover(bond("same-network"), "wlan0", "cable-unplugged", 38);
        TrayTexts.Notice reset = EN.switchover(bond("different-network"), "wlan0", "cable-unplugged", 38);
        TrayTexts.Notice different = EN.change(bond("same-network"), bond("different-network")).orElseThrow();
        assertFalse(kept.atRisk());
        assertTrue(reset.atRisk());
        assertTrue(different.atRisk());

        assertTrue(NotifyWhen.EVERY_SWITCHOVER.shows(kept));
        assertFalse(NotifyWhen.AT_RISK.shows(kept), "connections kept: nothing to tell her");
        assertTrue(NotifyWhen.AT_RISK.shows(reset));
        assertTrue(NotifyWhen.AT_RISK.shows(different));
        assertFalse(NotifyWhen.NEVER.shows(reset));
    }

    @Test
    void herChoiceIsKeptForTheNextLogin(@TempDir Path home) throws Exception {
        TraySettings settings = new TraySettings(home.resolve("bondtray/tray.conf"));
        assertEquals(NotifyWhen.EVERY_SWITCHOVER, settings.notifyWhen(), "no file yet: every switchover");
        settings.setNotifyWhen(NotifyWhen.AT_RISK);
        assertEquals(NotifyWhen.AT_RISK, new TraySettings(home.resolve("bondtray/tray.conf")).notifyWhen());
        Files.writeString(home.resolve("bondtray/tray.conf"), "notifications = sometimes\n");
        assertEquals(NotifyWhen.EVERY_SWITCHOVER, settings.notifyWhen(), "a word this version does not know");
    }
}
