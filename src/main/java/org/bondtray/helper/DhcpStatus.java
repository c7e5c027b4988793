package org.bondtray.helper;

/**
 * DHCP on the bond as the API shows it.
 *
 * @param state          "off" (static addressing, or no bond), "waiting" (no active port yet),
 *                       "running" or "restarting" (dhcpcd died and is started again)
 * @param address        the IPv4 address leased, "" if none
 * @param server         the DHCPv4 server that gave it
 * @param leaseSeconds   the lease time
 * @param obtainedMicros when the lease was obtained or last renewed, µs since the epoch
 */
public record DhcpStatus(String state, String address, String server, long leaseSeconds, long obtainedMicros) {
    public static final DhcpStatus OFF = new DhcpStatus("off", "", "", 0, 0);
}
