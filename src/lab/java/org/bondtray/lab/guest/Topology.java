package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The network around the laptop, built inside the VM, and the hands that change it.
 *
 * <pre>
 *  root namespace (the laptop)          namespace "lan"                  namespace "cafe"
 *    eth0 ──veth────────────── wire ─┐
 *                                    br-lan 192.168.50.1/24, fd00:50::1/64
 *    wlan0 (phy0) ~ ~ ~ ~ ~ ~ wlan1 ─┤  hostapd bondtray-lan (WPA2, ch 1)
 *                  ~ ~ ~ ~ ~ wlan2 ─┘  hostapd bondtray-lan-wpa3 (SAE, ch 6)
 *                  ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ ~ wlan3 ─ br-cafe 192.168.60.1/24, fd00:60::1/64
 *                                       dnsmasq (DHCPv4, RA, DHCPv6)       hostapd bondtray-cafe
 *                                       TCP echo server :7007             dnsmasq (DHCPv4, RA, DHCPv6)
 *  namespace "shelf": radios that are "unplugged" (phy4 starts there)
 * </pre>
 */
final class Topology {
    static final String LAN_NS = "lan";
    static final String CAFE_NS = "cafe";
    static final String SHELF_NS = "shelf";
    static final String LAN_BRIDGE = "br-lan";
    static final String CAFE_BRIDGE = "br-cafe";
    static final String ROUTER = "192.168.50.1";
    /** The addresses the LAN's DHCP server gives out, first and last. */
    static final String LAN_RANGE = "192.168.50.100,192.168.50.199";
    static final String ROUTER6 = "fd00:50::1";
    /** The LAN's DNS domain (dnsmasq on the router answers for it) and the router's name in it. */
    static final String LAN_DOMAIN = "bondtray.lab";
    static final String ROUTER_NAME = "router." + LAN_DOMAIN;
    static final String CAFE_ROUTER = "192.168.60.1";
    static final String CAFE_ROUTER6 = "fd00:60::1";
    static final int ECHO_PORT = 7007;
    /** The laptop's wired port and, inside the LAN namespace, the far end of its cable. */
    static final String WIRED = "eth0";
    static final String CABLE_PEER = "wire";
    /** The desktop user, logged in on the laptop's seat, and a local user with no session. */
    static final String USER = "alice";
    static final String REFUSED_USER = "mallory";

    private final Cmd cmd;
    private final GuestControl control;
    private final List<Process> daemons = new ArrayList<>();
    /** The LAN's dnsmasq, which a scenario may start again with other options. */
    private Process lanDhcp;
    private final Map<AccessPoint, Process> hostapds = new java.util.LinkedHashMap<>();
    private final Map<AccessPoint, String> apInterfaces = new java.util.LinkedHashMap<>();
    private List<String> phys = List.of();
    private DesktopSession session;

    Topology(Cmd cmd, GuestControl control) {
        this.cmd = cmd;
        this.control = control;
    }

    void build() {
        cmd.run("modprobe", "bonding", "max_bonds=0");
        cmd.run("modprobe", "mac80211_hwsim", "radios=5");
        cmd.run("modprobe", "veth");
        cmd.run("modprobe", "bridge");
        cmd.run("modprobe", "sch_netem");
        cmd.tryRun("modprobe", "virtio_rng");
        phys = listPhys();
        if (phys.size() != 5) {
            throw new IllegalStateException("expected 5 hwsim radios, found " + phys);
        }
        lan();
        cafe();
        cmd.run("ip", "netns", "add", SHELF_NS);
        cmd.run("iw", "phy", phys.get(4), "set", "netns", "name", SHELF_NS);
        startAp(AccessPoint.LAN_WPA2, phys.get(1));
        startAp(AccessPoint.LAN_WPA3, phys.get(2));
        startAp(AccessPoint.CAFE, phys.get(3));
        systemBus();
        user();
        installProduct();
        session = DesktopSession.login(cmd, control, USER);
        echoServer();
    }

    /**
     * A namespace with a bridge and a router address on it: one layer-2 network. The router's
     * MAC is fixed, as a real router's is: a bridge left to itself takes its lowest port's MAC
     * and changes it when that port leaves, and hostapd takes its access point out of the
     * bridge when it stops, so taking an AP away would make the router a new machine.
     */
    private void network(String netns, String bridge, String router, String routerMac) {
        cmd.run("ip", "netns", "add", netns);
        cmd.runIn(netns, "ip", "link", "set", "lo", "up");
        cmd.runIn(netns, "ip", "link", "add", bridge, "address", routerMac, "type", "bridge");
        // No STP and no forwarding delay: a port that comes back must forward at once, as an
        // office switch with portfast does, or every restore would look like an outage.
        cmd.runIn(netns, "ip", "link", "set", bridge, "type", "bridge", "stp_state", "0", "forward_delay", "0");
        cmd.runIn(netns, "ip", "addr", "add", router + "/24", "dev", bridge);
        cmd.runIn(netns, "ip", "link", "set", bridge, "up");
    }

    private void lan() {
        network(LAN_NS, LAN_BRIDGE, ROUTER, "02:b7:00:50:00:01");
        cmd.runIn(LAN_NS, "ip", "-6", "addr", "add", ROUTER6 + "/64", "dev", LAN_BRIDGE, "nodad");
        cmd.run("ip", "link", "add", WIRED, "type", "veth", "peer", "name", CABLE_PEER, "netns", LAN_NS);
        cmd.runIn(LAN_NS, "ip", "link", "set", CABLE_PEER, "master", LAN_BRIDGE);
        cmd.runIn(LAN_NS, "ip", "link", "set", CABLE_PEER, "up");
        lanDhcp = lanDnsmasq();
    }

    private Process lanDnsmasq(String... extra) {
        return lanDnsmasq(LAN_RANGE, extra);
    }

    private Process lanDnsmasq(String range4, String... extra) {
        return dnsmasq(LAN_NS, LAN_BRIDGE, range4 + ",255.255.255.0,1h", ROUTER, "fd00:50::100,fd00:50::1ff,64,1h",
                LAN_DOMAIN, extra);
    }

    /**
     * The LAN's DHCP and name server started again with {@code extra} options on top of its own
     * (a hostile one, say); with none, as the topology made it. Its leases stay.
     */
    void restartLanDhcp(String... extra) {
        restartLanDhcp(LAN_RANGE, false, extra);
    }

    /**
     * The LAN's DHCP server as after a long night: every lease it gave ran out and is forgotten,
     * and it hands out {@code range4} ("first,last") now, so a client's old address is refused
     * (NAK) when it asks to keep it. {@link #restartLanDhcp} brings the usual range back.
     */
    void lanDhcpForgets(String range4) {
        restartLanDhcp(range4, true);
    }

    private void restartLanDhcp(String range4, boolean forget, String... extra) {
        daemons.remove(lanDhcp);
        Cmd.stop(lanDhcp, Duration.ofSeconds(5));
        if (forget) {
            try {
                Files.deleteIfExists(Path.of("/run/dnsmasq-" + LAN_NS + ".leases"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lanDhcp = lanDnsmasq(range4, extra);
        Wait.until("the LAN's dnsmasq to listen again", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> cmd.tryRun("ip", "netns", "exec", LAN_NS, "ss", "-uln", "sport", "=", ":67").out().contains(":67"));
    }

    private void cafe() {
        network(CAFE_NS, CAFE_BRIDGE, CAFE_ROUTER, "02:b7:00:60:00:01");
        // IPv6 too, so a walk shows the LAN's IPv6 giving way to the café's, not just going.
        cmd.runIn(CAFE_NS, "ip", "-6", "addr", "add", CAFE_ROUTER6 + "/64", "dev", CAFE_BRIDGE, "nodad");
        dnsmasq(CAFE_NS, CAFE_BRIDGE, "192.168.60.100,192.168.60.199,255.255.255.0,1h", CAFE_ROUTER,
                "fd00:60::100,fd00:60::1ff,64,1h", "cafe.example");
    }

    /**
     * The router's DHCP server and its name server: it answers for {@code domain} only (the
     * router's own name), from nothing on the machine, and gives the domain out with the lease.
     */
    private Process dnsmasq(String netns, String bridge, String range4, String router, String range6, String domain,
                            String... extra) {
        List<String> argv = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null",
                "--user=root", "--bind-interfaces", "--interface=" + bridge, "--except-interface=lo",
                "--dhcp-range=" + range4, "--dhcp-option=option:router," + router,
                "--dhcp-option=option:dns-server," + router, "--dhcp-authoritative",
                "--dhcp-leasefile=/run/dnsmasq-" + netns + ".leases", "--pid-file=/run/dnsmasq-" + netns + ".pid",
                "--log-dhcp", "--log-facility=-", "--no-resolv", "--no-hosts", "--domain=" + domain,
                "--local=/" + domain + "/", "--host-record=router." + domain + "," + router));
        if (range6 != null) {
            argv.add("--dhcp-range=" + range6);
            argv.add("--enable-ra");
        }
        argv.addAll(List.of(extra));
        Process p = cmd.startIn(netns, "dnsmasq-" + netns, argv.toArray(String[]::new));
        daemons.add(p);
        return p;
    }

    private List<String> listPhys() {
        try (Stream<Path> s = Files.list(Path.of("/sys/class/ieee80211"))) {
            return s.map(p -> p.getFileName().toString())
                    .sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(3)), Integer.parseInt(b.substring(3))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wireless interface a phy in the root namespace carries (wlan0 for the laptop's radio). */
    String wifiInterface(int radio) {
        return netdevOf(phys.get(radio), null);
    }

    private String netdevOf(String phy, String netns) {
        String[] argv = {"ls", "/sys/class/ieee80211/" + phy + "/device/net"};
        String out = netns == null ? cmd.run(argv) : cmd.runIn(netns, argv);
        return out.strip().split("\\s+")[0];
    }

    private void startAp(AccessPoint ap, String phy) {
        cmd.run("iw", "phy", phy, "set", "netns", "name", ap.netns());
        String ifname = netdevOf(phy, ap.netns());
        apInterfaces.put(ap, ifname);
        startAp(ap);
    }

    void startAp(AccessPoint ap) {
        String ifname = apInterfaces.get(ap);
        Path conf = Path.of("/run/hostapd-" + ap.label() + ".conf");
        try {
            Files.writeString(conf, ap.hostapdConfig(ifname));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hostapds.put(ap, cmd.startIn(ap.netns(), "hostapd-" + ap.label(), "hostapd", "-t", conf.toString()));
        Wait.until("hostapd " + ap.label() + " to enable its AP", Duration.ofSeconds(30),
                () -> cmd.tryRun(Cmd.inNetns(ap.netns(), "hostapd_cli", "-p", "/run/hostapd-" + ap.label(),
                        "-i", ifname, "status")).out().contains("state=ENABLED"));
        // hostapd puts its interface into the bridge and takes it out when it stops: after an
        // access point took another's place, the network behind it is the bridge's again.
        cmd.runIn(ap.netns(), "ip", "link", "set", ifname, "master", ap.bridge());
    }

    /**
     * Makes the air towards the laptop queue for {@code delay}, as a busy Wi-Fi does
     * (Duration.ZERO: no queue again): a netem delay on the access point's port of its bridge.
     */
    void slowAir(AccessPoint ap, Duration delay) {
        String ifname = apInterfaces.get(ap);
        if (delay.isZero()) {
            cmd.tryRun(Cmd.inNetns(ap.netns(), "tc", "qdisc", "del", "dev", ifname, "root"));
        } else {
            cmd.runIn(ap.netns(), "tc", "qdisc", "replace", "dev", ifname, "root", "netem",
                    "delay", delay.toMillis() + "ms", "limit", "100000");
        }
    }

    /** {@code next} on the air where {@code gone} was: its radio, its network. */
    void replaceAp(AccessPoint gone, AccessPoint next) {
        stopAp(gone);
        apInterfaces.put(next, apInterfaces.get(gone));
        startAp(next);
    }

    /** Takes an access point away, as walking out of its range does. */
    void stopAp(AccessPoint ap) {
        Cmd.stop(hostapds.remove(ap), Duration.ofSeconds(5));
    }

    /**
     * The system's services come up as systemd starts them on a laptop (the lab's target wants
     * dbus, polkit and wpa_supplicant as their own units); the lab only waits until they answer.
     */
    private void systemBus() {
        Wait.until("polkitd and wpa_supplicant on the system bus", Duration.ofSeconds(120), Duration.ofMillis(250),
                () -> {
                    String names = cmd.tryRun("busctl", "--system", "--no-legend", "list").out();
                    return names.contains("org.freedesktop.PolicyKit1") && names.contains("fi.w1.wpa_supplicant1");
                });
    }

    /** A desktop user without privileges, for calling the product's API as a user would. */
    private void user() {
        cmd.run("useradd", "--create-home", "--shell", "/bin/sh", USER);
        cmd.run("useradd", "--create-home", "--shell", "/bin/sh", REFUSED_USER);
    }

    /**
     * Installs the build's .deb, as a user does. After the bus and systemd are up: the package's
     * scripts have both read its files. polkit then knows only the package's policy.
     */
    private void installProduct() {
        // The VM sees the host's root, and a container's root may hold a policy-rc.d that forbids
        // maintainer scripts to start or restart services. A laptop has none.
        try {
            Files.deleteIfExists(Path.of("/usr/sbin/policy-rc.d"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cmd.Result dpkg = ProductPackage.install(cmd, control);
        if (dpkg.exit() != 0) {
            throw new IllegalStateException("dpkg -i of the build's package failed: " + (dpkg.out() + dpkg.err()).strip());
        }
    }

    /** The desktop user's logged-in session. */
    DesktopSession session() {
        return session;
    }

    /**
     * Installs the package again if a scenario removed it (the package drill does), so later
     * scenarios find Bondtray as the topology left it; polkitd notices its actions again by
     * itself, and this waits until it has.
     */
    void restoreProduct() {
        if (ProductPackage.installed(cmd)) {
            return;
        }
        installProduct();
        Wait.until("polkitd to know Bondtray's actions again", Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> cmd.tryRun("pkaction", "--action-id", "org.bondtray.configure").exit() == 0);
    }

    private void echoServer() {
        daemons.add(cmd.startIn(LAN_NS, "echo-server", control.javaCommand(EchoServer.class.getName(),
                String.valueOf(ECHO_PORT))));
        Wait.until("the echo server in the LAN", Duration.ofSeconds(60), Duration.ofMillis(250), () -> {
            String[] probe = Cmd.inNetns(LAN_NS, "ss", "-Htln", "sport", "= :" + ECHO_PORT);
            return !cmd.tryRun(probe).out().isBlank();
        });
    }

    /**
     * Silences the LAN's DHCP server (SIGSTOP) or lets it answer again (SIGCONT): the server is
     * gone as far as clients can tell, and its log and leases stay as they were.
     */
    void dhcpServerAnswers(boolean answers) {
        String pid;
        try {
            pid = Files.readString(Path.of("/run/dnsmasq-" + LAN_NS + ".pid")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cmd.run("kill", answers ? "-CONT" : "-STOP", pid);
    }

    /**
     * The cable, for toggling faster than a process start allows (under TCG one takes ~0.4 s):
     * one {@code ip -batch} reads a command per line and carries each out as it arrives.
     */
    final class FastCable implements AutoCloseable {
        private final Process ip;
        private final java.io.Writer in;

        FastCable() throws IOException {
            ip = new ProcessBuilder("ip", "-n", LAN_NS, "-batch", "-")
                    .redirectErrorStream(true).redirectOutput(cmd.logDir().resolve("fast-cable.log").toFile()).start();
            in = new java.io.OutputStreamWriter(ip.getOutputStream(), java.nio.charset.StandardCharsets.US_ASCII);
        }

        void set(boolean plugged) throws IOException {
            set(WIRED, plugged);
        }

        /** Plugs or pulls the cable of the laptop's wired port {@code ifname}. */
        void set(String ifname, boolean plugged) throws IOException {
            in.write("link set " + cablePeer(ifname) + (plugged ? " up" : " down") + "\n");
            in.flush();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            in.close();
            ip.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Pulls the cable: the far end goes down, so the laptop's port loses carrier. */
    void cutCable() {
        cmd.runIn(LAN_NS, "ip", "link", "set", CABLE_PEER, "down");
    }

    void restoreCable() {
        cmd.runIn(LAN_NS, "ip", "link", "set", CABLE_PEER, "up");
    }

    /** Soft-blocks or unblocks a radio of the laptop, as a Wi-Fi key or airplane mode does. */
    void rfkill(int radio, boolean block) {
        String id = rfkillPath(radio).getFileName().toString().substring("rfkill".length());
        cmd.run("rfkill", block ? "block" : "unblock", id);
    }

    /** The radio's rfkill switch in sysfs ({@code soft}, {@code hard}, {@code state} live there). */
    Path rfkillPath(int radio) {
        Path phy = Path.of("/sys/class/ieee80211", phys.get(radio));
        try (Stream<Path> s = Files.list(phy)) {
            return s.filter(p -> p.getFileName().toString().startsWith("rfkill")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(phy + " has no rfkill switch"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The far end, in the LAN, of the cable of the laptop's wired port {@code ifname}. */
    static String cablePeer(String ifname) {
        return ifname.equals(WIRED) ? CABLE_PEER : "wire-" + ifname;
    }

    /** Plugs a new wired adapter into the LAN (a veth whose far end joins the bridge). */
    void plugWired(String ifname) {
        String peer = cablePeer(ifname);
        cmd.run("ip", "link", "add", ifname, "type", "veth", "peer", "name", peer, "netns", LAN_NS);
        cmd.runIn(LAN_NS, "ip", "link", "set", peer, "master", LAN_BRIDGE);
        cmd.runIn(LAN_NS, "ip", "link", "set", peer, "up");
    }

    void unplugWired(String ifname) {
        cmd.run("ip", "link", "del", ifname);
    }

    /** Unplugs a Wi-Fi adapter: its phy leaves the laptop's namespace for the shelf. */
    void unplugRadio(int radio) {
        cmd.run("iw", "phy", phys.get(radio), "set", "netns", "name", SHELF_NS);
    }

    /** Plugs a Wi-Fi adapter (back) in; pid 1's namespace is the laptop's. Its interface, once it shows. */
    String plugRadio(int radio) {
        cmd.runIn(SHELF_NS, "iw", "phy", phys.get(radio), "set", "netns", "1");
        Path net = Path.of("/sys/class/ieee80211", phys.get(radio), "device/net");
        Wait.until("radio " + radio + "'s interface in the laptop", Duration.ofSeconds(30), () -> Files.isDirectory(net));
        return wifiInterface(radio);
    }

    /** The laptop's current addresses of one family on an interface, from {@code ip -o addr}. */
    List<String> addresses(String ifname, int family) {
        String out = cmd.tryRun("ip", "-o", family == 6 ? "-6" : "-4", "addr", "show", "dev", ifname,
                "scope", "global").out();
        List<String> result = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals(family == 6 ? "inet6" : "inet")) {
                    result.add(f[i + 1]);
                }
            }
        }
        return result;
    }

    /** Quick check that the echo server still answers, used before a scenario relies on it. */
    boolean lanReachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ROUTER, ECHO_PORT), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void shutdown() {
        if (session != null) {
            session.close();
        }
        hostapds.values().forEach(p -> Cmd.stop(p, Duration.ofSeconds(2)));
        daemons.forEach(p -> Cmd.stop(p, Duration.ofSeconds(2)));
    }
}
