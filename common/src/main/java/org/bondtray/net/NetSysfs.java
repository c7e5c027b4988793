package org.bondtray.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What sysfs says about a network interface where rtnetlink does not: whether it is Wi-Fi, a
 * physical device, its speed and its radio's rfkill state. Paths resolve against a root that
 * tests can redirect.
 */
public final class NetSysfs {
    private final Path root;

    public NetSysfs(Path root) {
        this.root = root;
    }

    public static NetSysfs system() {
        return new NetSysfs(Path.of("/sys"));
    }

    private Path net(String ifname) {
        return root.resolve("class/net").resolve(ifname);
    }

    public boolean wireless(String ifname) {
        return Files.exists(net(ifname).resolve("wireless")) || Files.exists(net(ifname).resolve("phy80211"));
    }

    /** Backed by a device (a NIC, a USB adapter), not a virtual link. */
    public boolean physical(String ifname) {
        return Files.exists(net(ifname).resolve("device"));
    }

    /** Whether the link has carrier now; a link that is gone or down has none. */
    public boolean carrier(String ifname) {
        return "1".equals(read(net(ifname).resolve("carrier")));
    }

    /** The port the bond carries traffic on now, as the bonding driver says; "" if none or no such bond. */
    public String activePort(String bond) {
        String v = read(net(bond).resolve("bonding/active_slave"));
        return v == null ? "" : v.strip();
    }

    /** The negotiated speed in Mb/s, or 0 when the driver does not say. */
    public int speedMbps(String ifname) {
        try {
            int s = Integer.parseInt(Files.readString(net(ifname).resolve("speed")).strip());
            return Math.max(s, 0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The radio's rfkill block of a Wi-Fi interface: "hard", "soft" or empty when not blocked. */
    public String rfkillBlock(String ifname) {
        Path phy = net(ifname).resolve("phy80211");
        if (!Files.exists(phy)) {
            return "";
        }
        try (Stream<Path> s = Files.list(phy)) {
            Optional<Path> rfkill = s.filter(p -> p.getFileName().toString().startsWith("rfkill")).findFirst();
            if (rfkill.isEmpty()) {
                return "";
            }
            if ("1".equals(read(rfkill.get().resolve("hard")))) {
                return "hard";
            }
            return "1".equals(read(rfkill.get().resolve("soft"))) ? "soft" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Every network interface's name, sorted. */
    public java.util.List<String> links() {
        try (Stream<Path> s = Files.list(root.resolve("class/net"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return java.util.List.of();
        }
    }

    /** The link's ARPHRD type (1: Ethernet, which Wi-Fi is too), or -1 when sysfs does not say. */
    public int arpType(String ifname) {
        try {
            return Integer.parseInt(read(net(ifname).resolve("type")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A bond or a bridge itself: a link that holds others rather than one to put in a bond. */
    public boolean master(String ifname) {
        return Files.exists(net(ifname).resolve("bonding")) || Files.exists(net(ifname).resolve("bridge"));
    }

    /** Whether the kernel has the bonding driver loaded (it may still load on demand). */
    public boolean bondingLoaded() {
        return Files.exists(root.resolve("class/net/bonding_masters")) || Files.exists(root.resolve("module/bonding"));
    }
}
