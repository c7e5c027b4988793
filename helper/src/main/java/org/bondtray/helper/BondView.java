package org.bondtray.helper;

import java.util.List;

import org.bondtray.api.BondState;

/** The bond as the API shows it at one moment: computed, never stored piecemeal. */
public record BondView(String name, BondState state, String reason, Preference preference, String activePort,
                       long activeSinceMicros, List<String> addresses, List<String> gateways, List<String> dns,
                       List<PortView> ports, DhcpStatus dhcp, SameNetwork network, long confirmDeadlineMicros,
                       List<String> keepingNetworks) {

    /** The same view with the time the active port took over (µs since the epoch, 0 if unknown). */
    public BondView since(long micros) {
        return new BondView(name, state, reason, preference, activePort, micros, addresses, gateways, dns, ports, dhcp,
                network, confirmDeadlineMicros, keepingNetworks);
    }

    /** The same view with DHCP as it stands. */
    public BondView withDhcp(DhcpStatus status) {
        return new BondView(name, state, reason, preference, activePort, activeSinceMicros, addresses, gateways, dns,
                ports, status, network, confirmDeadlineMicros, keepingNetworks);
    }

    /** The same view with the same-network verdict as it stands. */
    public BondView withNetwork(SameNetwork verdict) {
        return new BondView(name, state, reason, preference, activePort, activeSinceMicros, addresses, gateways, dns,
                ports, dhcp, verdict, confirmDeadlineMicros, keepingNetworks);
    }

    /** The same view with the deadline of a change waiting to be confirmed (µs since the epoch, 0: none). */
    public BondView withConfirmDeadline(long micros) {
        return new BondView(name, state, reason, preference, activePort, activeSinceMicros, addresses, gateways, dns,
                ports, dhcp, network, micros, keepingNetworks);
    }

    /** The same view with the Wi-Fi networks known to reach the cable's network. */
    public BondView withKeeping(List<String> networks) {
        return new BondView(name, state, reason, preference, activePort, activeSinceMicros, addresses, gateways, dns,
                ports, dhcp, network, confirmDeadlineMicros, List.copyOf(networks));
    }
}
