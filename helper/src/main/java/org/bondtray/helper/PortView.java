package org.bondtray.helper;

/**
 * One port as the API shows it.
 *
 * @param role "active", "backup", "down" or "unavailable"
 * @param roleReason why a port is down or unavailable: "no-carrier", "rfkill", "not-associated",
 *                   "unplugged", "not-enslaved"; empty otherwise
 */
public record PortView(String name, PortKind kind, boolean carrier, int speedMbps, String ssid, int signalDbm,
                       String role, String roleReason, int linkFailures, String permanentMac) {
}
