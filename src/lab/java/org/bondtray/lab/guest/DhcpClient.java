package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * dhcpcd on one interface, as the wiki recipe runs it: in the foreground, identified by a DUID
 * (RFC 4361) so the lease survives the bond's MAC changing on every switchover.
 */
final class DhcpClient {
    private final Cmd cmd;
    private final Topology topology;
    private Process dhcpcd;
    private String ifname;

    DhcpClient(Cmd cmd, Topology topology) {
        this.cmd = cmd;
        this.topology = topology;
    }

    /** Starts dhcpcd and returns once the interface has an IPv4 lease; the milliseconds it took. */
    long start(String ifname) {
        stop();
        this.ifname = ifname;
        Path conf = Path.of("/run/lab-dhcpcd.conf");
        try {
            Files.writeString(conf, """
                    # written by the lab: DUID client id for v4 and v6, no hooks that touch the host
                    duid
                    persistent
                    option domain_name_servers, routers
                    noarp
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dhcpcd = cmd.start("dhcpcd-" + ifname, "dhcpcd", "-B", "-d", "-f", conf.toString(), ifname);
        return Wait.until("a DHCPv4 lease on " + ifname, Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> !topology.addresses(ifname, 4).isEmpty());
    }

    /** Waits for a global IPv6 address (DHCPv6 from the LAN's dnsmasq); the milliseconds it took. */
    long awaitIpv6() {
        return Wait.until("a global IPv6 address on " + ifname, Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> !topology.addresses(ifname, 6).isEmpty());
    }

    void stop() {
        if (dhcpcd != null) {
            Cmd.stop(dhcpcd, Duration.ofSeconds(5));
            dhcpcd = null;
            cmd.tryRun("ip", "addr", "flush", "dev", ifname);
        }
    }
}
