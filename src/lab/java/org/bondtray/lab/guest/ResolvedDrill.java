package org.bondtray.lab.guest;

import java.time.Duration;

/**
 * A laptop whose names go through systemd-resolved (Debian's package, as Ubuntu and Fedora ship
 * it): the helper hands the bond's DHCP name servers and search domain to resolved over D-Bus as
 * the bond link's, a name resolves through them, resolv.conf is not touched, and disable takes
 * them back.
 */
final class ResolvedDrill implements Scenario {
    static final String RESOLVED = "/usr/lib/systemd/systemd-resolved";
    private static final String RUN_DIR = "/run/systemd/resolve";
    private static final String USER = "systemd-resolve";

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Cmd cmd = lab.cmd();
        String wlan = lab.net().wifiInterface(0);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        String resolvConfBefore = BondReadings.readFile("/etc/resolv.conf");
        Process resolved = null;
        HelperProcess helper = new HelperProcess(cmd, lab.control());
        try {
            // What the package's sysusers entry and the unit's RuntimeDirectory give it on a laptop.
            cmd.tryRun("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
            cmd.run("mkdir", "-p", RUN_DIR);
            cmd.run("chown", USER + ":" + USER, RUN_DIR);
            // The bus reads user names in its policy when it loads it: resolved's name is theirs now.
            cmd.run("busctl", "--system", "call", "org.freedesktop.DBus", "/org/freedesktop/DBus",
                    "org.freedesktop.DBus", "ReloadConfig");
            resolved = cmd.start("systemd-resolved", RESOLVED);
            r.put("resolved.on_bus_ms", Wait.until("systemd-resolved on the system bus", Duration.ofSeconds(60),
                    Duration.ofMillis(250), () -> HelperProcess.onBus(cmd, "org.freedesktop.resolve1")));

            r.put("helper.start_to_name_ms", helper.start());
            helper.setup(r, Topology.USER);
            long t0 = System.nanoTime();
            Wait.until("the bond's address from DHCP", Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> !lab.net().addresses(PlainBond.NAME, 4).isEmpty());
            r.put("lease_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("resolved.dns_after_lease_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> resolvectl(cmd, "dns", PlainBond.NAME).contains(Topology.ROUTER)));
            r.put("resolved.dns", resolvectl(cmd, "dns", PlainBond.NAME));
            r.put("resolved.domain", resolvectl(cmd, "domain", PlainBond.NAME));
            Cmd.Result query = cmd.tryRun("resolvectl", "query", "--cache=no", Topology.ROUTER_NAME);
            r.put("resolved.query_exit", query.exit()).put("resolved.query", oneLine(query));
            r.put("resolv_conf_untouched", BondReadings.readFile("/etc/resolv.conf").equals(resolvConfBefore));

            Cmd.Result disable = helper.cli(Topology.USER, "disable");
            r.put("disable_exit", disable.exit()).put("disable_output", (disable.out() + disable.err()).strip());
            r.put("resolved.after_disable", resolvectl(cmd, "dns").contains(Topology.ROUTER) ? "still there" : "gone");
        } finally {
            helper.stop();
            Cmd.stop(resolved, Duration.ofSeconds(10));
            cmd.tryRun("rm", "-rf", RUN_DIR);
        }
    }

    /** resolvectl's answer, on one line. */
    private static String resolvectl(Cmd cmd, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "resolvectl";
        System.arraycopy(args, 0, argv, 1, args.length);
        return oneLine(cmd.tryRun(argv));
    }

    /** A command's output on one line, for the results file. */
    private static String oneLine(Cmd.Result res) {
        return (res.out() + res.err()).strip().replaceAll("\\s*\\n\\s*", " | ");
    }
}
