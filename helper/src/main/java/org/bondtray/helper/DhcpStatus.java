package org.bondtray.helper;

import java.util.List;

import org.bondtray.helper.dhcp.Lease;

/**
 * DHCP on the bond as the API shows it.
 *
 * @param state          "off" (static addressing, or no bond), "waiting" (no active port yet),
 *                       "running", "restarting" (dhcpcd died and is started again) or "fallback"
 *                       (no server answered: the configured fallback address is in place)
 * @param address        the IPv4 address leased, "" if none
 * @param server         the DHCPv4 server that gave it
 * @param leaseSeconds   the lease time
 * @param obtainedMicros when the lease was obtained or last renewed, µs since the epoch
 */
public record DhcpStatus(String state, String address, String server, long leaseSeconds, long obtainedMicros) {
    public static final DhcpStatus OFF = new DhcpStatus("off", "", "", 0, 0);
    private static final String FALLBACK = "fallback";

    /**
     * DHCP as it is, from dhcpcd's state ("off" until it is started), its {@code lease} file, the
     * configured {@code fallback} address ("" for none) and the bond's {@code addresses}. dhcpcd
     * may keep an old lease file after falling back: the bond's addresses decide.
     */
    static DhcpStatus of(String dhcpcdState, Lease lease, String fallback, List<String> addresses) {
        String leased = lease.address() + "/";
        if (!fallback.isEmpty() && addresses.contains(fallback)
                && (lease.address().isEmpty() || addresses.stream().noneMatch(a -> a.startsWith(leased)))) {
            return new DhcpStatus(FALLBACK, "", "", 0, 0);
        }
        return new DhcpStatus(dhcpcdState.equals("off") ? "waiting" : dhcpcdState, lease.address(), lease.server(),
                lease.seconds(), lease.obtainedMs() * 1000);
    }

    /** Whether the fallback address stands where a lease would: the lease file is not in effect. */
    boolean fallingBack() {
        return state.equals(FALLBACK);
    }
}
