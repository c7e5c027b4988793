package org.bondtray.helper;

import java.util.List;

import org.bondtray.api.BondState;

/** The bond as the API shows it at one moment: computed, never stored piecemeal. */
public record BondView(String name, BondState state, String reason, Preference preference, String activePort,
                       List<String> addresses, List<String> gateways, List<String> dns, List<PortView> ports) {
}
