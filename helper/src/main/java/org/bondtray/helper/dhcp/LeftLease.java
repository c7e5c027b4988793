package org.bondtray.helper.dhcp;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a dhcpcd started for another network leaves on the bond: the address of the lease it
 * started from, and the old network's IPv6 addresses ({@link Dhcpcd.Leaving}). dhcpcd 9.4.1, sent
 * straight to DISCOVER, never drops the first (the lab's walk kept 192.168.50.100/24 beside
 * 192.168.60.162/24), nor the others, and a dead address on the bond is a source address nobody
 * answers. The owner's, touched on its thread only.
 */
final class LeftLease {
    /** A lease file's time may lag by its file system's granularity: past this it is surely newer. */
    private static final Duration SAME_LEASE_SLACK = Duration.ofSeconds(2);

    /** The address of the lease left, "" if none. */
    private String address = "";
    private List<String> ipv6 = List.of();
    /** When it was left (epoch ms), for a lease of the same address written since. */
    private long leftAtMs;

    /** A dhcpcd for another network starts from the lease of {@code address}, now. */
    void left(String address) {
        this.address = address;
        ipv6 = List.of();
        leftAtMs = System.currentTimeMillis();
    }

    /** The old network's IPv6 addresses, which go with the lease left. */
    void ipv6(List<String> addresses) {
        ipv6 = List.copyOf(addresses);
    }

    /**
     * What to take off now that the lease files say {@code now}. Another address in the lease
     * file is the new lease: the file held the old one when the new dhcpcd started. Empty until
     * then, and for good once the new lease is the same address (the verdict was wrong: nothing
     * to take off), which a file written well after the start shows (its time is as coarse as its
     * file system's). The IPv4 lease is the proof for IPv6 too: a network without IPv4 keeps the
     * old IPv6 addresses until they expire.
     */
    List<String> gone(Lease now) {
        if (address.isEmpty() || !now.bound()) {
            return List.of();
        }
        if (address.equals(now.address())) {
            if (now.obtainedMs() > leftAtMs + SAME_LEASE_SLACK.toMillis()) {
                forget();
            }
            return List.of();
        }
        List<String> gone = Stream.concat(Stream.of(address), ipv6.stream()).toList();
        forget();
        return gone;
    }

    void forget() {
        address = "";
        ipv6 = List.of();
    }
}
