package org.bondtray.lab.guest;

import java.time.Duration;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * The walk to another network: the cable at the office LAN, the Wi-Fi on the café's network
 * (verdict different-network), the cable pulled. The bond must get the café's address and reach
 * its router, then, with the cable back, the LAN's address and router again. Each "router
 * answers" is a ping through the bond, as a user's first connection would go.
 */
final class OfficeWalk {
    private static final String NOTICES = "walk-notify";
    private static final java.util.regex.Pattern STEPS = java.util.regex.Pattern.compile(
            "SIGTERM|^Started|starting$|rebinding lease|NAK|soliciting a DHCP lease|offered|leased");
    private final Lab lab;
    private final Results r;
    private final Properties bond;
    private final String wlan;
    private final DesktopSession alice;

    OfficeWalk(Lab lab, Results r, Properties bond, String wlan, DesktopSession alice) {
        this.lab = lab;
        this.r = r;
        this.bond = bond;
        this.wlan = wlan;
        this.alice = alice;
    }

    void run() throws Exception {
        Cmd cmd = lab.cmd();
        String unit = "bondtray-dhcpcd@" + wlan + ".service";
        // Earlier scenarios of this boot may have had a lease held ahead: only this walk's counts.
        long seen = System.currentTimeMillis();
        lab.wifi().connect(wlan, AccessPoint.CAFE);
        try {
            r.put("walk.verdict_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> "different-network".equals(BondReadings.network(bond))));
            r.put("walk.address_before", String.join(" ", lab.net().addresses("bond0", 4)));
            // The helper has a dhcpcd on the Wi-Fi take the café's lease ahead of the walk, as the
            // bond's client: what it leased, and how long after the verdict.
            long v0 = System.nanoTime();
            Wait.untilOrTimeout(Duration.ofSeconds(40), Duration.ofMillis(250),
                    () -> !leasedAhead(cmd, unit, seen).isEmpty());
            r.put("walk.ahead_ms", (System.nanoTime() - v0) / 1_000_000)
                    .put("walk.ahead_lease", leasedAhead(cmd, unit, seen));
            // What alice's tray tells her on the way: its notices, as her notification server gets them.
            Process notes = alice.watchNotifications(NOTICES);
            long t0 = System.nanoTime();
            long cutAt = System.currentTimeMillis();
            lab.net().cutCable();
            r.put("walk.cafe_router_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> answers(cmd, Topology.CAFE_ROUTER)));
            // The café's address alone: the LAN's, left by dhcpcd, is taken off by the helper.
            r.put("walk.cafe_address_ms", Wait.untilOrTimeout(Duration.ofSeconds(10), Duration.ofMillis(100),
                    () -> alone(lab, "192.168.60.")));
            r.put("walk.cut_to_answer_ms", (System.nanoTime() - t0) / 1_000_000);
            // IPv6 follows: the café's router answers over it, and the LAN's addresses and routes are
            // gone. Asked right after IPv4, before the slow reads below, which the figure would count.
            r.put("walk.cafe_router6_ms", Wait.sinceOrTimeout(t0, Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> onNetwork6(lab, Topology.CAFE_ROUTER6, "fd00:60:")));
            r.put("walk.address_on_wifi", String.join(" ", lab.net().addresses("bond0", 4)));
            r.put("walk.routes_on_wifi", routes(cmd));
            r.put("walk.address6_on_wifi", String.join(" ", lab.net().addresses("bond0", 6)));
            r.put("walk.routes6_on_wifi", routes6(cmd));
            dhcpLeg(cmd, "walk.cafe", cutAt);
            long t1 = System.nanoTime();
            long backAt = System.currentTimeMillis();
            lab.net().restoreCable();
            r.put("walk.lan_router_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> onNetwork(lab, Topology.ROUTER, "192.168.50.")));
            r.put("walk.back_ms", (System.nanoTime() - t1) / 1_000_000);
            r.put("walk.lan_address_ms", Wait.untilOrTimeout(Duration.ofSeconds(10), Duration.ofMillis(100),
                    () -> alone(lab, "192.168.50.")));
            r.put("walk.lan_router6_ms", Wait.sinceOrTimeout(t1, Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> onNetwork6(lab, Topology.ROUTER6, "fd00:50:")));
            r.put("walk.address_back", String.join(" ", lab.net().addresses("bond0", 4)));
            r.put("walk.routes_back", routes(cmd));
            r.put("walk.address6_back", String.join(" ", lab.net().addresses("bond0", 6)));
            r.put("walk.routes6_back", routes6(cmd));
            dhcpLeg(cmd, "walk.back", backAt);
            Wait.sleep(Duration.ofSeconds(2));
            Cmd.stop(notes, Duration.ofSeconds(5));
            java.util.List<String> summaries = alice.notifications(NOTICES);
            java.util.List<String> bodies = alice.notificationBodies(NOTICES);
            java.util.List<String> shown = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(summaries.size(), bodies.size()); i++) {
                shown.add(unquoted(summaries.get(i)) + ": " + unquoted(bodies.get(i)));
            }
            r.put("walk.notices", String.join(" | ", shown));
            r.put("walk.helper_said", HelperProcess.log(cmd).lines().filter(l -> l.contains("moved to another network"))
                    .count());
        } finally {
            lab.net().restoreCable();
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
            Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> "same-network".equals(BondReadings.network(bond)));
        }
    }

    /** Whether the bond's IPv4 addresses are all, and at least one, on the network {@code prefix} starts. */
    private static boolean alone(Lab lab, String prefix) {
        java.util.List<String> now = lab.net().addresses("bond0", 4);
        return !now.isEmpty() && now.stream().allMatch(a -> a.startsWith(prefix));
    }

    /**
     * Whether the bond's IPv6 addresses are all, and at least one, on the network {@code prefix}
     * starts, and {@code router} answers over IPv6. Polled: the time it took is not counted in.
     */
    static boolean onNetwork6(Lab lab, String router, String prefix) {
        java.util.List<String> now = lab.net().addresses("bond0", 6);
        return !now.isEmpty() && now.stream().allMatch(a -> a.startsWith(prefix)) && answers(lab.cmd(), router);
    }

    /** The IPv6 routes dhcpcd learnt on the bond (not the kernel's own fe80::/64), joined by "; ". */
    private static String routes6(Cmd cmd) {
        return String.join("; ", cmd.tryRun("ip", "-6", "route", "show", "dev", "bond0").out().strip().lines()
                .filter(l -> !l.contains("proto kernel")).toList());
    }

    /** The kernel's IPv4 routes on the bond, one line each, joined by "; ". */
    private static String routes(Cmd cmd) {
        return String.join("; ", cmd.tryRun("ip", "-4", "route", "show", "dev", "bond0").out().strip().split("\n"));
    }

    /**
     * What dhcpcd said from {@code sinceMillis} on, each line with its milliseconds since then
     * ({@code KEY.dhcp}), and how long the server took from the last DISCOVER to its offer
     * ({@code KEY.offer_wait_ms}): the server's own wait (dnsmasq pings an address before it offers
     * it to a client it does not know), apart from the time that is Bondtray's.
     */
    private void dhcpLeg(Cmd cmd, String key, long sinceMillis) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        long solicited = -1;
        long offerWait = -1;
        String last = "";
        for (Said line : journalSince(cmd, "bondtray-dhcpcd@bond0.service", sinceMillis)) {
            long at = line.atMillis() - sinceMillis;
            String said = line.text();
            // dhcpcd's privilege-separated processes log each line twice; the steps that tell
            // where the time went are kept (a result holds a few hundred characters).
            if (said.equals(last) || !STEPS.matcher(said).find()) {
                continue;
            }
            last = said;
            lines.add("+" + at + " " + said);
            if (said.contains("soliciting a DHCP lease")) {
                solicited = at;
            } else if (said.contains("offered") && solicited >= 0 && offerWait < 0) {
                offerWait = at - solicited;
            }
        }
        r.put(key + ".dhcp", String.join(" | ", lines)).put(key + ".offer_wait_ms", offerWait);
    }

    /** The address dhcpcd in {@code unit} last said it leased from {@code sinceMillis} on, "" if none. */
    private static String leasedAhead(Cmd cmd, String unit, long sinceMillis) {
        java.util.regex.Pattern leased = java.util.regex.Pattern.compile("leased (\\S+) for");
        String last = "";
        for (Said line : journalSince(cmd, unit, sinceMillis)) {
            java.util.regex.Matcher m = leased.matcher(line.text());
            if (m.find()) {
                last = m.group(1);
            }
        }
        return last;
    }

    /** A line of a unit's journal: when (ms since the epoch), and what the program said. */
    private record Said(long atMillis, String text) {
    }

    /** What {@code unit} said from {@code sinceMillis} on, read in journalctl's short-unix form. */
    private static java.util.List<Said> journalSince(Cmd cmd, String unit, long sinceMillis) {
        java.util.List<Said> out = new java.util.ArrayList<>();
        for (String line : cmd.tryRun("journalctl", "-q", "--no-pager", "-o", "short-unix", "-u", unit,
                "--since=@" + sinceMillis / 1000).out().lines().toList()) {
            String[] f = line.split(" ", 3);
            if (f.length < 3 || !f[2].contains(": ")) {
                continue;
            }
            long at;
            try {
                at = (long) (Double.parseDouble(f[0]) * 1000);
            } catch (NumberFormatException e) {
                continue;
            }
            if (at >= sinceMillis) {
                out.add(new Said(at, f[2].substring(f[2].indexOf(": ") + 2)));
            }
        }
        return out;
    }

    /** A string as dbus-monitor prints it, without its quotes. */
    private static String unquoted(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Whether the bond holds an address starting {@code prefix} and {@code router} answers through it. */
    static boolean onNetwork(Lab lab, String router, String prefix) {
        return answers(lab.cmd(), router)
                && lab.net().addresses("bond0", 4).stream().anyMatch(a -> a.startsWith(prefix));
    }

    /**
     * One echo request through the bond, answered within a quarter of a second. The lab's routers
     * answer in milliseconds (ARP included); a request sent from the address just left waits out
     * the whole timeout, which the figures polled with this would count as the walk's.
     */
    static boolean answers(Cmd cmd, String router) {
        return cmd.tryRun("ping", "-n", "-q", "-c", "1", "-W", "0.25", "-I", "bond0", router).exit() == 0;
    }
}
