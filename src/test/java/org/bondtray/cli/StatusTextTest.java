package org.bondtray.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;
import org.junit.jupiter.api.Test;

/** What {@code bondtray status} tells a person about the network and a change on probation. */
class StatusTextTest {
    private static final Texts EN = new Texts(Cli.BUNDLE, Locale.ENGLISH);

    private static Map<String, Object> bond(String network, long deadline) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(BondProperties.NAME, "bond0");
        p.put(BondProperties.STATE, "up");
        p.put(BondProperties.ACTIVE_PORT, "");
        p.put(BondProperties.ADDRESSES, List.of("192.168.1.7/24"));
        p.put(BondProperties.PREFERENCE, "wired");
        p.put(BondProperties.NETWORK, network);
        p.put(BondProperties.CONFIRM_DEADLINE, deadline);
        return p;
    }

    @Test
    void aDifferentNetworkIsSaidInWords() {
        assertTrue(StatusText.format(BondSnapshot.of(bond("different-network", 0)), EN).contains("connections drop if traffic moves"));
        assertTrue(StatusText.format(BondSnapshot.of(bond("same-network", 0)), EN).contains("a switch keeps connections"));
        assertFalse(StatusText.format(BondSnapshot.of(bond("unknown", 0)), EN).contains("network "));
    }

    @Test
    void aChangeOnProbationSaysHowToKeepIt() {
        assertTrue(StatusText.format(BondSnapshot.of(bond("unknown", System.currentTimeMillis() * 1000 + 20_000_000L)), EN)
                .contains("'bondtray confirm' keeps it"));
        assertFalse(StatusText.format(BondSnapshot.of(bond("unknown", 0)), EN).contains("probation"));
    }

    @Test
    void inJapaneseTheWordsAreJapaneseAndTheApisWordsStay() throws Exception {
        Map<String, Object> p = bond("same-network", System.currentTimeMillis() * 1000 + 20_000_000L);
        String ja = StatusText.format(BondSnapshot.of(p), new Texts(Cli.BUNDLE, Locale.JAPANESE));
        assertTrue(ja.startsWith("bond0: up\n"), "state as the API spells it: " + ja);
        assertTrue(ja.contains("すべてのポートが同じネットワークにつながっています"), ja);
        assertTrue(ja.contains("'bondtray confirm' で維持します"), ja);
        assertTrue(ja.contains("  アドレス"), ja);
        assertFalse(ja.contains("probation") || ja.contains("address"), ja);
    }

    @Test
    void everyEnglishWordOfTheCommandLineHasItsJapaneseOne() throws Exception {
        org.bondtray.testing.Bundles.assertJapaneseComplete("/org/bondtray/cli/messages");
    }
}
