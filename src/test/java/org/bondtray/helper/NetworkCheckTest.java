package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a switchover means for the lease when the verdict can no longer be asked (no gateway, one port). */
class NetworkCheckTest {
    private static NetworkCheck.Port wifi(String ssid) {
        return new NetworkCheck.Port("wlan0", 3, "02:00:00:00:00:00", ssid, true);
    }

    @Test
    void aWifiPortJoiningAnotherNetworkMakesTheLastVerdictStale() {
        try (Worker worker = new Worker();
             NetworkCheck check = new NetworkCheck(worker, () -> { }, (mac, ssid, same) -> { }, port -> true)) {
            // The cable is out: with one port nothing can be asked.
            check.consider("", List.of(wifi("office")));
            assertFalse(check.switchoverMayChangeNetwork(), "nothing known: the lease's network is the bond's");
            check.consider("", List.of(wifi("")));
            assertFalse(check.switchoverMayChangeNetwork(), "between two associations");
            check.consider("", List.of(wifi("office")));
            assertFalse(check.switchoverMayChangeNetwork(), "back on the same network");
            check.consider("", List.of(wifi("")));
            check.consider("", List.of(wifi("cafe")));
            assertTrue(check.switchoverMayChangeNetwork(),
                    "joined another network: a switchover back to the cable may change networks");
        }
    }

    @Test
    void aVerdictEndsWhenTheWifiJoinsAnotherNetwork() {
        List<String> changes = new ArrayList<>();
        try (Worker worker = new Worker();
             NetworkCheck check = new NetworkCheck(worker, () -> changes.add("changed"), (mac, ssid, same) -> { },
                     port -> true)) {
            List<NetworkCheck.Port> atCafe = List.of(CABLE, wifi("cafe"));
            check.consider("192.168.50.1", atCafe);
            check.take(NetworkCheck.key("192.168.50.1", atCafe), SameNetwork.DIFFERENT, atCafe, Map.of());
            assertEquals(SameNetwork.DIFFERENT, check.verdict());
            check.consider("192.168.50.1", List.of(CABLE, wifi("office")));
            assertEquals(SameNetwork.UNKNOWN, check.verdict(),
                    "the verdict was about the café: nothing is known of the office Wi-Fi until it is asked");
            assertEquals(List.of("changed", "changed"), changes);
            assertTrue(check.switchoverMayChangeNetwork(), "the lease may still be the other network's");
            check.consider("192.168.50.1", atCafe);
            assertEquals(SameNetwork.UNKNOWN, check.verdict(), "back at the café: asked again, not taken as known");
        }
    }

    @Test
    void aWifiThatReassociatesToTheSameNetworkIsAskedAgain() {
        try (Worker worker = new Worker();
             NetworkCheck check = new NetworkCheck(worker, () -> { }, (mac, ssid, same) -> { }, port -> true)) {
            List<NetworkCheck.Port> atOffice = List.of(CABLE, wifi("office"));
            String key = NetworkCheck.key("192.168.50.1", atOffice);
            check.consider("192.168.50.1", atOffice);
            check.take(key, SameNetwork.SAME, atOffice, Map.of());
            assertEquals(SameNetwork.SAME, check.verdict());
            // Between the disconnection and the new association: one port to ask, nothing known.
            check.consider("192.168.50.1", List.of(CABLE, new NetworkCheck.Port("wlan0", 3, "02:00:00:00:00:00", "", false)));
            assertEquals(SameNetwork.UNKNOWN, check.verdict());
            check.consider("192.168.50.1", atOffice);
            // The question is out again: its answer is taken.
            check.take(key, SameNetwork.SAME, atOffice, Map.of());
            assertEquals(SameNetwork.SAME, check.verdict(), "asked again once the Wi-Fi is back on the same network");
        }
    }

    private static final byte[] LAN_GATEWAY = {0x52, 0x54, 0, 0, 0, 1};
    private static final byte[] CAFE_GATEWAY = {0x52, 0x54, 0, 0, 0, 2};
    private static final NetworkCheck.Port CABLE = new NetworkCheck.Port("eth0", 2, "02:00:00:00:00:01", "", true);

    private static List<String> told(SameNetwork v, Optional<byte[]> cable, Optional<byte[]> wifi) {
        Map<String, Optional<byte[]>> answers = new LinkedHashMap<>();
        answers.put("eth0", cable);
        answers.put("wlan0", wifi);
        List<String> told = new ArrayList<>();
        NetworkCheck.tell(v, List.of(CABLE, wifi("office")), answers,
                (mac, ssid, same) -> told.add(mac + " " + ssid + " " + same));
        return told;
    }

    @Test
    void eachVerdictTellsWhetherTheWifiReachesTheCablesGateway() {
        assertEquals(List.of("52:54:00:00:00:01 office true"),
                told(SameNetwork.SAME, Optional.of(LAN_GATEWAY), Optional.of(LAN_GATEWAY)));
        assertEquals(List.of("52:54:00:00:00:01 office false"),
                told(SameNetwork.DIFFERENT, Optional.of(LAN_GATEWAY), Optional.of(CAFE_GATEWAY)));
        assertEquals(List.of("52:54:00:00:00:01 office false"),
                told(SameNetwork.DIFFERENT, Optional.of(LAN_GATEWAY), Optional.empty()));
        assertEquals(List.of(), told(SameNetwork.DIFFERENT, Optional.empty(), Optional.of(CAFE_GATEWAY)),
                "a cable that heard nothing names no network");
        assertEquals(List.of(), told(SameNetwork.UNKNOWN, Optional.of(LAN_GATEWAY), Optional.empty()));
    }

    @Test
    void aPortThatLostItsCarrierWhileAskedSaysNothing() {
        Map<String, Optional<byte[]>> answers = new LinkedHashMap<>();
        answers.put("wlan0", Optional.of(new byte[] {2, 0, 0, 0, 0, 1}));
        answers.put("eth0", Optional.empty());
        assertEquals(SameNetwork.DIFFERENT, SameNetwork.judge(NetworkCheck.stillCarrying(answers, port -> true)),
                "silence through a port with its carrier: another network");
        assertEquals(SameNetwork.UNKNOWN, SameNetwork.judge(NetworkCheck.stillCarrying(answers,
                port -> !port.equals("eth0"))), "the cable pulled as it was asked: nothing known");
    }
}
