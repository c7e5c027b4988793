package org.bondtray.helper;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bondtray.api.BondProperties;

/**
 * Whether the bond's ports reach one layer-2 network, judged by who answers for the gateway on
 * each: the same MAC on all of them means one network, so a switchover keeps every connection; a
 * different MAC, or silence where another port got an answer, means the address will not work
 * behind that port.
 */
public enum SameNetwork {
    SAME(BondProperties.NETWORK_SAME), DIFFERENT(BondProperties.NETWORK_DIFFERENT),
    UNKNOWN(BondProperties.NETWORK_UNKNOWN);

    private final String wire;

    SameNetwork(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * The verdict from the gateway's MAC as each usable port heard it (empty: no answer after
     * every try). Fewer than two ports, or no answer anywhere, tells nothing.
     */
    public static SameNetwork judge(Map<String, Optional<byte[]>> answers) {
        if (answers.size() < 2) {
            return UNKNOWN;
        }
        List<String> heard = answers.values().stream().flatMap(Optional::stream)
                .map(mac -> HexFormat.ofDelimiter(":").formatHex(mac)).distinct().toList();
        if (heard.isEmpty()) {
            return UNKNOWN;
        }
        boolean silentSomewhere = answers.values().stream().anyMatch(Optional::isEmpty);
        return heard.size() == 1 && !silentSomewhere ? SAME : DIFFERENT;
    }
}
