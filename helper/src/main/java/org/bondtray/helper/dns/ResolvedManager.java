package org.bondtray.helper.dns;

import java.util.List;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** The per-link part of systemd-resolved's {@code org.freedesktop.resolve1.Manager}. */
@DBusInterfaceName("org.freedesktop.resolve1.Manager")
public interface ResolvedManager extends DBusInterface {
    String BUS_NAME = "org.freedesktop.resolve1";
    String PATH = "/org/freedesktop/resolve1";

    void SetLinkDNS(int ifindex, List<Server> addresses);

    void SetLinkDomains(int ifindex, List<Domain> domains);

    /** Forgets what was set for the link; resolved also forgets by itself when the link goes. */
    void RevertLink(int ifindex);

    /** (iay): address family (AF_INET 2, AF_INET6 10) and the address's bytes. */
    final class Server extends Struct {
        @Position(0)
        public final int family;
        @Position(1)
        public final byte[] address;

        public Server(int family, byte[] address) {
            this.family = family;
            this.address = address;
        }
    }

    /** (sb): a search domain, and whether it only routes lookups (false: it is searched). */
    final class Domain extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final boolean routingOnly;

        public Domain(String name, boolean routingOnly) {
            this.name = name;
            this.routingOnly = routingOnly;
        }
    }
}
