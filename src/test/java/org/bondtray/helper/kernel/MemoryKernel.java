package org.bondtray.helper.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A kernel in memory, for running the whole helper without one: links with carriers, an
 * active-backup bond as the bonding driver keeps it (primary_reselect=always, fail_over_mac=active,
 * miimon noticing at once), addresses and routes, the sysfs files the helper reads, and the
 * events, sent on a thread of their own in the order the changes happened.
 *
 * <p>The driver's own view of each port's link (its miimon) follows the carrier at once, unless a
 * test says the link check missed a change ({@link #cableUnnoticed}).
 *
 * <p>What it leaves out: updelay and downdelay (a port is taken or dropped at once), IPv6
 * link-local addresses, and every other kind of link. A test states what the machine has with
 * {@link #ethernet}, {@link #wifi}, {@link #cable}, {@link #unplug}.
 */
public final class MemoryKernel implements Kernel.Source, AutoCloseable {
    private static final int EINVAL = 22;

    private final Path sys;
    private final Map<Integer, Node> nodes = new TreeMap<>();
    /** What each link was last said to be: a change is said once, as the kernel does. */
    private final Map<Integer, Link> said = new HashMap<>();
    private final List<KernelEvents.Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("memory-kernel-events").daemon().unstarted(r));
    private final List<String> requests = new ArrayList<>();
    private int nextIndex = 2;
    private boolean bonding = true;

    private static final class Node {
        final int index;
        final String name;
        final String kind;
        final String mac;
        final boolean wireless;
        boolean up;
        boolean carrier;
        /** The bonding driver's view of the link, as its miimon last saw it. */
        boolean mii;
        int master;
        int linkFailures;
        // A bond's own state.
        int active;
        int primary;
        Kernel.BondSettings settings;
        boolean allActive;
        final List<Kernel.Address> addresses = new ArrayList<>();
        final List<Kernel.Route> routes = new ArrayList<>();

        Node(int index, String name, String kind, String mac, boolean wireless) {
            this.index = index;
            this.name = name;
            this.kind = kind;
            this.mac = mac;
            this.wireless = wireless;
        }
    }

    /** {@code sys} is where the sysfs files go: give the helper {@code new NetSysfs(sys)}. */
    public MemoryKernel(Path sys) throws IOException {
        this.sys = sys;
        Files.createDirectories(sys.resolve("class/net"));
    }

    // ---- the machine, as a test changes it -----------------------------------------------------

    /** A wired adapter appears (at boot, or plugged in), its cable in or not. */
    public synchronized int ethernet(String name, boolean cable) {
        return add(name, false, cable);
    }

    /** A Wi-Fi adapter appears, associated ({@code carrier}) or not. */
    public synchronized int wifi(String name, boolean associated) {
        return add(name, true, associated);
    }

    /** This kernel has no bonding driver: creating a bond is refused as the real one does. */
    public synchronized void withoutBonding() {
        bonding = false;
    }

    /** The cable of {@code name} is plugged in or pulled (for Wi-Fi: associated or not). */
    public synchronized void cable(String name, boolean in) {
        Node n = node(name).orElseThrow();
        if (n.carrier != in || n.mii != in) {
            n.carrier = in;
            n.mii = in;
            if (!in && n.master != 0) {
                n.linkFailures++;
            }
            reselect(n.master);
            changed();
        }
    }

    /**
     * The carrier of {@code name} changes, and the bond's link check does not see it: a cable out
     * for less than a miimon tick, or a tick that came late. The driver keeps the port as it was
     * until {@link #cable} is called for it.
     */
    public synchronized void cableUnnoticed(String name, boolean in) {
        Node n = node(name).orElseThrow();
        if (n.carrier != in) {
            n.carrier = in;
            changed();
        }
    }

    /** The adapter {@code name} is unplugged: it leaves its bond and is gone. */
    public synchronized void unplug(String name) {
        Node n = node(name).orElseThrow();
        nodes.remove(n.index);
        reselect(n.master);
        said.remove(n.index);
        deleteTree(sys.resolve("class/net").resolve(n.name));
        long at = System.nanoTime();
        listeners.forEach(l -> events.execute(() -> l.linkRemoved(n.index, n.name, at)));
        changed();
    }

    /** Each request the helper made, in order, as "setMaster eth0 bond0". */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** The link as the kernel would describe it now. */
    public synchronized Optional<Link> find(String name) {
        return node(name).map(this::describe);
    }

    /** The active port of {@code bond} now; "" if none. */
    public synchronized String activePort(String bond) {
        return node(bond).map(b -> nameOf(b.active)).orElse("");
    }

    public synchronized List<String> addressesOf(String name) {
        return node(name).map(n -> n.addresses.stream().map(Kernel.Address::text).toList()).orElse(List.of());
    }

    /**
     * A route {@code name} learnt from the network, as dhcpcd adds one from a router advertisement
     * (RTPROT_RA): {@code destination} "" for the default route, {@code gateway} "" for the link itself.
     */
    public synchronized void learnt(String name, String destination, String gateway, int metric) {
        Node n = node(name).orElseThrow();
        n.routes.add(new Kernel.Route(destination, gateway, Kernel.Route.RA, metric, n.index));
        addressing();
    }

    /** The routes through {@code name}, as "destination via gateway" ("default" and "link"). */
    public synchronized List<String> routesOf(String name) {
        return node(name).map(n -> n.routes.stream().map(r -> (r.isDefault() ? "default" : r.destination()) + " via "
                + (r.gateway().isEmpty() ? "link" : r.gateway())).toList()).orElse(List.of());
    }

    /** Waits until every event said so far has reached the listeners. */
    public void drain() throws Exception {
        events.submit(() -> { }).get(5, TimeUnit.SECONDS);
    }

    // ---- Kernel.Source -----------------------------------------------------------------------------

    @Override
    public Kernel open() {
        return new Socket();
    }

    @Override
    public AutoCloseable follow(KernelEvents.Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        events.shutdownNow();
    }

    /** One request socket; every request goes to the one machine. */
    private final class Socket implements Kernel {
        @Override
        public List<Link> links() {
            synchronized (MemoryKernel.this) {
                return nodes.values().stream().map(MemoryKernel.this::describe).toList();
            }
        }

        @Override
        public void createBond(String name, BondSettings s) throws IOException {
            synchronized (MemoryKernel.this) {
                asked("createBond " + name);
                if (!bonding) {
                    throw new NetlinkException("create bond " + name, Errno.EOPNOTSUPP, "");
                }
                if (node(name).isPresent()) {
                    throw new NetlinkException("create bond " + name, Errno.EEXIST, "");
                }
                Node b = new Node(nextIndex++, name, "bond", "", false);
                b.settings = s;
                nodes.put(b.index, b);
                changed();
            }
        }

        @Override
        public void setBondTimers(int bondIndex, BondSettings s) throws IOException {
            synchronized (MemoryKernel.this) {
                Node b = bond(bondIndex, "set timers");
                asked("setBondTimers " + b.name);
                b.settings = s;
                changed();
            }
        }

        @Override
        public void setPrimary(int bondIndex, int portIndex) throws IOException {
            synchronized (MemoryKernel.this) {
                Node b = bond(bondIndex, "set primary");
                asked("setPrimary " + b.name + " " + nameOf(portIndex));
                b.primary = portIndex;
                reselect(bondIndex);
                changed();
            }
        }

        @Override
        public void setStandbyDelivers(int bondIndex, boolean delivers) throws IOException {
            synchronized (MemoryKernel.this) {
                Node b = bond(bondIndex, "set all_slaves_active");
                asked("setStandbyDelivers " + b.name + " " + delivers);
                b.allActive = delivers;
                changed();
            }
        }

        @Override
        public void setActivePort(int bondIndex, int portIndex) throws IOException {
            synchronized (MemoryKernel.this) {
                Node b = bond(bondIndex, "set active port");
                Node p = nodes.get(portIndex);
                asked("setActivePort " + b.name + " " + nameOf(portIndex));
                if (p == null || p.master != bondIndex || !p.mii) {
                    throw new NetlinkException("set active port of bond " + bondIndex, EINVAL, "");
                }
                b.active = portIndex;
                changed();
            }
        }

        @Override
        public void setMaster(int portIndex, int masterIndex) throws IOException {
            synchronized (MemoryKernel.this) {
                Node p = existing(portIndex, "set master");
                asked((masterIndex == 0 ? "release " : "enslave ") + p.name
                        + (masterIndex == 0 ? "" : " " + nameOf(masterIndex)));
                int before = p.master;
                if (masterIndex != 0) {
                    bond(masterIndex, "enslave");
                    if (p.up) {
                        // The bonding driver refuses a port that is up.
                        throw new NetlinkException("enslave port " + portIndex, Errno.EBUSY, "");
                    }
                    p.master = masterIndex;
                    p.up = true;
                    // The driver looks at the link as it takes the port.
                    p.mii = p.carrier;
                    reselect(masterIndex);
                } else {
                    p.master = 0;
                    p.up = false;
                    reselect(before);
                }
                changed();
            }
        }

        @Override
        public void setUp(int index, boolean up) throws IOException {
            synchronized (MemoryKernel.this) {
                Node n = existing(index, "set up");
                asked("setUp " + n.name + " " + up);
                n.up = up;
                if (n.kind != null && n.kind.equals("bond")) {
                    reselect(index);
                } else {
                    reselect(n.master);
                }
                changed();
            }
        }

        @Override
        public void delete(int index) throws IOException {
            synchronized (MemoryKernel.this) {
                Node n = existing(index, "delete");
                asked("delete " + n.name);
                for (Node p : nodes.values()) {
                    if (p.master == index) {
                        p.master = 0;
                        p.up = false;
                    }
                }
                nodes.remove(index);
                said.remove(index);
                deleteTree(sys.resolve("class/net").resolve(n.name));
                long at = System.nanoTime();
                listeners.forEach(l -> events.execute(() -> l.linkRemoved(index, n.name, at)));
                changed();
            }
        }

        @Override
        public List<Address> addresses(int index) {
            synchronized (MemoryKernel.this) {
                Node n = nodes.get(index);
                return n == null ? List.of() : List.copyOf(n.addresses);
            }
        }

        @Override
        public void addAddress(int index, InetAddress address, int prefix) throws IOException {
            synchronized (MemoryKernel.this) {
                Node n = existing(index, "add address");
                String text = Rtnetlink.text(address.getAddress()) + "/" + prefix;
                asked("addAddress " + n.name + " " + text);
                if (n.addresses.stream().noneMatch(a -> a.text().equals(text))) {
                    n.addresses.add(new Address(index, address.getAddress().length == 4 ? 2 : 10, text));
                }
                addressing();
            }
        }

        @Override
        public void deleteAddress(int index, InetAddress address, int prefix) throws IOException {
            synchronized (MemoryKernel.this) {
                Node n = existing(index, "delete address");
                String text = Rtnetlink.text(address.getAddress()) + "/" + prefix;
                n.addresses.removeIf(a -> a.text().equals(text));
                addressing();
            }
        }

        @Override
        public void setRoute(int index, InetAddress destination, int prefix, InetAddress gateway, int metric)
                throws IOException {
            synchronized (MemoryKernel.this) {
                Node n = existing(index, "set route");
                String to = destination == null ? "" : Rtnetlink.text(destination.getAddress()) + "/" + prefix;
                n.routes.removeIf(r -> r.destination().equals(to) && r.metric() == metric);
                n.routes.add(new Route(to, Rtnetlink.text(gateway.getAddress()), Route.STATIC, metric, index));
                addressing();
            }
        }

        @Override
        public void deleteRoute(int index, InetAddress destination, int prefix, InetAddress gateway, int metric)
                throws IOException {
            synchronized (MemoryKernel.this) {
                Node n = existing(index, "delete route");
                String to = destination == null ? "" : Rtnetlink.text(destination.getAddress()) + "/" + prefix;
                n.routes.removeIf(r -> r.destination().equals(to) && r.metric() == metric
                        && r.gateway().equals(Rtnetlink.text(gateway.getAddress())));
                addressing();
            }
        }

        @Override
        public List<Route> routes(int index) {
            synchronized (MemoryKernel.this) {
                return nodes.values().stream().filter(n -> index == 0 || n.index == index)
                        .flatMap(n -> n.routes.stream()).filter(r -> !r.gateway().isEmpty()).toList();
            }
        }

        @Override
        public List<Route> routes6(int index) {
            synchronized (MemoryKernel.this) {
                return nodes.values().stream().filter(n -> index == 0 || n.index == index)
                        .flatMap(n -> n.routes.stream())
                        .filter(r -> r.gateway().contains(":") || r.destination().contains(":")).toList();
            }
        }

        @Override
        public void deleteRoute(Route route) throws IOException {
            synchronized (MemoryKernel.this) {
                existing(route.oif(), "delete route").routes.remove(route);
                addressing();
            }
        }

        @Override
        public void close() {
        }
    }

    // ---- inside ------------------------------------------------------------------------------------

    private int add(String name, boolean wireless, boolean carrier) {
        int index = nextIndex++;
        String mac = String.format("52:54:00:00:%02x:%02x", index >> 8 & 0xff, index & 0xff);
        Node n = new Node(index, name, null, mac, wireless);
        n.up = true;
        n.carrier = carrier;
        n.mii = carrier;
        nodes.put(index, n);
        changed();
        return index;
    }

    private Optional<Node> node(String name) {
        return nodes.values().stream().filter(n -> n.name.equals(name)).findFirst();
    }

    private String nameOf(int index) {
        Node n = nodes.get(index);
        return n == null ? "" : n.name;
    }

    private Node existing(int index, String what) throws NetlinkException {
        Node n = nodes.get(index);
        if (n == null) {
            throw new NetlinkException(what + " of link " + index, Errno.ENODEV, "");
        }
        return n;
    }

    private Node bond(int index, String what) throws NetlinkException {
        Node b = existing(index, what);
        if (!"bond".equals(b.kind)) {
            throw new NetlinkException(what + " of link " + index, Errno.EOPNOTSUPP, "not a bond");
        }
        return b;
    }

    private void asked(String request) {
        requests.add(request);
    }

    /**
     * The bonding driver's choice after any change: the primary if it can carry traffic
     * (primary_reselect=always), else the active port if it still can, else the first that can.
     */
    private void reselect(int bondIndex) {
        Node b = nodes.get(bondIndex);
        if (b == null || !"bond".equals(b.kind)) {
            return;
        }
        List<Node> ready = nodes.values().stream().filter(p -> p.master == bondIndex && p.up && p.mii).toList();
        if (!b.up || ready.isEmpty()) {
            b.active = 0;
        } else if (ready.stream().anyMatch(p -> p.index == b.primary)) {
            b.active = b.primary;
        } else if (ready.stream().noneMatch(p -> p.index == b.active)) {
            b.active = ready.get(0).index;
        }
    }

    private Link describe(Node n) {
        boolean isBond = "bond".equals(n.kind);
        boolean carrier = isBond ? n.active != 0 : n.carrier;
        int flags = (n.up ? Link.IFF_UP : 0) | (n.up && carrier ? Link.IFF_LOWER_UP : 0);
        String mac = n.mac;
        Link.BondInfo bond = null;
        if (isBond) {
            // fail_over_mac=active: the bond carries its active port's MAC.
            Node active = nodes.get(n.active);
            mac = active != null ? active.mac : "00:00:00:00:00:00";
            Kernel.BondSettings s = n.settings;
            bond = new Link.BondInfo(1, n.active, n.primary, s.miimon(), s.updelay(), s.downdelay(), 1,
                    s.peerNotifications(), n.allActive);
        }
        Link.PortInfo port = null;
        if (n.master != 0) {
            Node m = nodes.get(n.master);
            port = new Link.PortInfo(m != null && m.active == n.index, n.mii, n.linkFailures, n.mac);
        }
        return new Link(n.index, n.name, Link.ARPHRD_ETHER, flags, n.up && carrier,
                n.up && carrier ? "up" : "down", mac, isBond ? null : n.mac, n.master, n.kind, bond, port);
    }

    /** Says what changed since the last time, link by link, then keeps sysfs true to it. */
    private void changed() {
        long at = System.nanoTime();
        // sysfs first: as in the kernel, a reader who heard of a change finds it there.
        nodes.values().forEach(this::writeSysfs);
        for (Node n : nodes.values()) {
            Link now = describe(n);
            if (!now.equals(said.put(n.index, now))) {
                listeners.forEach(l -> events.execute(() -> l.linkChanged(now, at)));
            }
        }
    }

    private void addressing() {
        listeners.forEach(l -> events.execute(l::addressingChanged));
    }

    private void writeSysfs(Node n) {
        Path dir = sys.resolve("class/net").resolve(n.name);
        try {
            Files.createDirectories(dir);
            put(dir.resolve("type"), "1\n");
            put(dir.resolve("carrier"), "bond".equals(n.kind) ? (n.active != 0 ? "1\n" : "0\n")
                    : n.carrier ? "1\n" : "0\n");
            if ("bond".equals(n.kind)) {
                Files.createDirectories(dir.resolve("bonding"));
                put(dir.resolve("bonding/active_slave"), nameOf(n.active) + "\n");
                put(sys.resolve("class/net/bonding_masters"), nodes.values().stream()
                        .filter(b -> "bond".equals(b.kind)).map(b -> b.name).reduce((a, b) -> a + " " + b)
                        .orElse("") + "\n");
                return;
            }
            Files.createDirectories(dir.resolve("device"));
            if (n.wireless) {
                Files.createDirectories(dir.resolve("phy80211"));
                Files.createDirectories(dir.resolve("wireless"));
            } else {
                put(dir.resolve("speed"), n.carrier ? "1000\n" : "-1\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a sysfs file the way the kernel's appear to a reader, whole or not at all: the
     * helper reads them on its own threads while this rewrites them.
     */
    private static void put(Path file, String content) throws IOException {
        if (Files.exists(file) && Files.readString(file).equals(content)) {
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, content);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // gone already
        }
    }
}
