package org.bondtray.helper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.wifi.KeepingNetworks;
import org.bondtray.helper.wifi.WifiWatcher;

/**
 * Which Wi-Fi network wpa_supplicant joins: those seen reaching the cable's network are raised
 * above the others, so that unplugging keeps every connection. wpa_supplicant is told again only
 * when that changed (a verdict, another cable network, a network added or removed), because each
 * telling saves its configuration file. On the helper's worker.
 */
final class WifiPreference {
    private final KeepingNetworks keeping;
    /** Per Wi-Fi port, what wpa_supplicant was last told to prefer, and among how many networks. */
    private final Map<String, String> told = new HashMap<>();

    WifiPreference(KeepingNetworks keeping) {
        this.keeping = keeping;
    }

    /** The networks that keep connections on the cable's network now (the bus's KeepingNetworks). */
    List<String> keeping() {
        return keeping.now();
    }

    /**
     * A verdict on a Wi-Fi network (see {@link NetworkCheck.Judged}); whether what to prefer may
     * have changed.
     */
    boolean judged(String cableGatewayMac, String wifiNetwork, boolean same) {
        return keeping.judged(cableGatewayMac, wifiNetwork, same);
    }

    /** Tells wpa_supplicant, for each of the bond's Wi-Fi ports, what to prefer, if that changed. */
    void apply(WifiWatcher wifi, Link bond, List<PortFacts> facts) {
        List<String> keep = keeping.now();
        for (PortFacts f : facts) {
            if (f.kind() != PortKind.WIRELESS || f.link().master() != bond.index()) {
                continue;
            }
            int known = wifi.networksLately(f.name());
            String now = known + " " + keep;
            if (known > 0 && !now.equals(told.get(f.name()))) {
                told.put(f.name(), now);
                wifi.prefer(f.name(), keep);
            }
        }
    }

    /** wpa_supplicant restarted: its networks came back from the file and are checked anew. */
    void forget() {
        told.clear();
    }
}
