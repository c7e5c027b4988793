package org.bondtray.helper.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bondtray.helper.peers.BusNames;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * systemd-resolved over its D-Bus API: the bond's name servers and search domains as settings of
 * its link, the way NetworkManager and systemd-networkd hand theirs over. Merged with every other
 * link's by resolved itself, and gone with the link.
 */
final class ResolvedLink {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private final DBusConnection bus;

    ResolvedLink(DBusConnection bus) {
        this.bus = bus;
    }

    /** Whether resolved is on the bus now (it may start or stop while the helper runs). */
    boolean running() {
        return BusNames.hasOwner(bus, ResolvedManager.BUS_NAME);
    }

    /** Sets the link's servers and domains. */
    void set(String ifname, List<String> servers, List<String> domains) throws IOException {
        int ifindex = ifindex(ifname);
        List<ResolvedManager.Server> addresses;
        try {
            addresses = servers.stream().map(ResolvedLink::server).toList();
        } catch (IllegalArgumentException e) {
            throw new IOException("not an address: " + e.getMessage(), e);
        }
        List<ResolvedManager.Domain> search = domains.stream().map(d -> new ResolvedManager.Domain(d, false)).toList();
        try {
            ResolvedManager m = manager();
            m.SetLinkDNS(ifindex, addresses);
            m.SetLinkDomains(ifindex, search);
        } catch (DBusException | DBusExecutionException e) {
            throw new IOException("systemd-resolved refused the name servers for " + ifname + ": " + e.getMessage(), e);
        }
    }

    /** Has resolved forget what was set for {@code ifname}; a link already gone it forgot by itself. */
    void revert(String ifname) throws IOException {
        if (!Files.exists(sysfs(ifname))) {
            return;
        }
        try {
            manager().RevertLink(ifindex(ifname));
        } catch (DBusException | DBusExecutionException e) {
            throw new IOException("systemd-resolved did not forget " + ifname + ": " + e.getMessage(), e);
        }
    }

    private ResolvedManager manager() throws DBusException {
        return bus.getRemoteObject(ResolvedManager.BUS_NAME, ResolvedManager.PATH, ResolvedManager.class);
    }

    /** From sysfs: the helper's unit may not open the AF_INET socket NetworkInterface asks through. */
    private static int ifindex(String ifname) throws IOException {
        try {
            return Integer.parseInt(Files.readString(sysfs(ifname).resolve("ifindex")).strip());
        } catch (NumberFormatException e) {
            throw new IOException("no interface index for " + ifname, e);
        }
    }

    private static Path sysfs(String ifname) {
        return Path.of("/sys/class/net", ifname);
    }

    /** A server address as resolved takes it; the helper's addresses are literals it has checked. */
    private static ResolvedManager.Server server(String literal) {
        InetAddress a = InetAddress.ofLiteral(literal);
        return new ResolvedManager.Server(a instanceof Inet4Address ? AF_INET : AF_INET6, a.getAddress());
    }
}
