package org.bondtray.lab.guest;

import java.time.Duration;

/**
 * A laptop whose names go through systemd-resolved (Debian's package, as Ubuntu and Fedora ship
 * it): the helper hands the bond's DHCP name servers and search domain to resolved over D-Bus as
 * the bond link's, a name resolves through them, resolv.conf is not touched, and disable takes
 * them back.
 */
final class ResolvedDrill implements Scenario {
    static final String UNIT = "systemd-resolved.service";

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Cmd cmd = lab.cmd();
        String wlan = lab.net().wifiInterface(0);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        String resolvConfBefore = BondReadings.readFile("/etc/resolv.conf");
        HelperProcess helper = new HelperProcess(cmd);
        try {
            long t0 = System.nanoTime();
            Units.start(cmd, UNIT);
            Wait.until("systemd-resolved on the system bus", Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> HelperProcess.onBus(cmd, "org.freedesktop.resolve1"));
            r.put("resolved.on_bus_ms", (System.nanoTime() - t0) / 1_000_000);

            r.put("helper.start_to_name_ms", helper.start());
            helper.setup(r, Topology.USER);
            t0 = System.nanoTime();
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
            hostileDomain(lab, r, resolvConfBefore);

            Cmd.Result disable = helper.cli(Topology.USER, "disable");
            r.put("disable_exit", disable.exit()).put("disable_output", (disable.out() + disable.err()).strip());
            r.put("resolved.after_disable", resolvectl(cmd, "dns").contains(Topology.ROUTER) ? "still there" : "gone");
        } finally {
            helper.stop();
            Units.stop(cmd, UNIT);
        }
    }

    /**
     * The LAN's DHCP server turns hostile: its domain name option holds resolver directives on
     * lines of their own. dhcpcd is killed so the one the helper starts again takes that lease;
     * resolved must be handed neither the directives nor their name server.
     */
    private static void hostileDomain(Lab lab, Results r, String resolvConfBefore) {
        Cmd cmd = lab.cmd();
        try {
            r.put("hostile.dropped_ms", HelperDrill.hostileLeaseTaken(lab, Duration.ofSeconds(60),
                    () -> cmd.run("kill", "-9", Long.toString(HelperDrill.dhcpcdPid(lab)))));
            // The helper hands resolved the lease's servers just after it logs.
            Wait.sleep(Duration.ofSeconds(2));
            String domain = resolvectl(cmd, "domain", PlainBond.NAME);
            String dns = resolvectl(cmd, "dns", PlainBond.NAME);
            r.put("hostile.domain", domain).put("hostile.dns", dns)
                    .put("hostile.fed", (domain + dns).contains("203.0.113.5") || (domain + dns).contains("trust-ad")
                            || domain.contains("nameserver"))
                    .put("hostile.resolv_conf_untouched",
                            BondReadings.readFile("/etc/resolv.conf").equals(resolvConfBefore));
        } finally {
            lab.net().restartLanDhcp();
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
