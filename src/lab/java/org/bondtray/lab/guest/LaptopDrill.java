package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.BondReadings.network;
import static org.bondtray.lab.guest.BondReadings.props;
import static org.bondtray.lab.guest.BondReadings.readFile;
import static org.bondtray.lab.guest.BondReadings.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bondtray.api.BondtrayBus;
import org.bondtray.tray.sni.SniNames;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * Bondtray on the laptop a user has: the installed package, its helper started by D-Bus
 * activation through systemd under the shipped unit and sandbox, alice logged in on the seat
 * with the tray from XDG autostart, polkit with only the package's policy and an agent in her
 * session. Who may do what (mallory, a wrong administrator's password) changes nothing; alice
 * sets the bond up with the administrator's password and the same-network verdict comes under
 * the unit's sandbox; the helper's warnings are journald's, one line per record.
 */
final class LaptopDrill implements Scenario {
    private static final Path CONFIG = Path.of(HelperProcess.CONFIG_DIR, "bondtray.conf");
    /** The menu's Settings… item, as src/doc/tray-api.txt numbers it. */
    private static final int SETTINGS_ITEM = 14;
    /** capabilities(7) names of the capabilities the helper may hold, by number. */
    private static final String[] CAPABILITY_NAMES = new String[41];

    static {
        CAPABILITY_NAMES[5] = "cap_kill";
        CAPABILITY_NAMES[12] = "cap_net_admin";
        CAPABILITY_NAMES[13] = "cap_net_raw";
    }

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Cmd cmd = lab.cmd();
        DesktopSession alice = lab.net().session();
        HelperProcess helper = new HelperProcess(cmd);
        String wlan = lab.net().wifiInterface(0);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);

        r.put("session", alice.sessionProperties());
        r.put("tray.unit", alice.trayUnitState());
        r.put("tray.on_panel_ms", Wait.until("the autostarted tray's icon on alice's panel", Duration.ofSeconds(120),
                Duration.ofMillis(500), alice::trayOnPanel));

        // alice's first call starts the helper: D-Bus activation through systemd.
        helper.stop();
        r.put("activation.on_bus_before", HelperProcess.onBus(cmd));
        long t0 = System.nanoTime();
        Cmd.Result status = helper.cli(Topology.USER, "status");
        r.put("activation.status_ms", (System.nanoTime() - t0) / 1_000_000).put("activation.status_exit", status.exit());
        long pid = helper.pid();
        r.put("activation.cgroup", readFile("/proc/" + pid + "/cgroup").strip());
        r.put("activation.to_name_ms", journalFigure(cmd, "on the bus as org.bondtray.Helper after (\\d+) ms"));
        sandbox(cmd, r, pid);

        // Who may not: nothing changes, whatever they ask.
        String configBefore = Files.exists(CONFIG) ? Files.readString(CONFIG) : "";
        refused(r, "mallory.setup", helper.cli(Topology.REFUSED_USER, "setup"));
        refused(r, "mallory.switch", helper.cli(Topology.REFUSED_USER, "switch", "wireless"));
        int dialogs = alice.dialogsAnswered();
        alice.answerWith("not-the-admins-password");
        try {
            refused(r, "wrong_password.setup", helper.cli(Topology.USER, "setup"));
        } finally {
            alice.answerWith(DesktopSession.ADMIN_PASSWORD);
        }
        r.put("wrong_password.dialogs", alice.dialogsAnswered() - dialogs).put("wrong_password.cancelled",
                alice.dialogsCancelled());
        unansweredAgent(lab, r, alice);
        r.put("refused.bond_exists", Files.exists(Path.of("/sys/class/net", PlainBond.NAME)));
        r.put("refused.config_unchanged", (Files.exists(CONFIG) ? Files.readString(CONFIG) : "").equals(configBefore));

        // alice sets the bond up from the autostarted tray's Settings window; the agent in her
        // session asks for the administrator's password.
        dialogs = alice.dialogsAnswered();
        traySettings(lab, r, alice);
        r.put("setup.dialogs", alice.dialogsAnswered() - dialogs);
        Properties bond = props(lab);
        r.put("setup.up_ms", Wait.until("the bond up", Duration.ofSeconds(120), Duration.ofMillis(250),
                () -> "up".equals(state(bond))));
        r.put("setup.address_ms", Wait.until("the bond's address from DHCP", Duration.ofSeconds(90),
                Duration.ofMillis(250), () -> !lab.net().addresses(PlainBond.NAME, 4).isEmpty()));
        // The verdict asks the gateway through each port with an ARP probe: a packet socket the
        // sandbox must allow.
        t0 = System.nanoTime();
        Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> network(bond).equals("same-network") || network(bond).equals("different-network"));
        r.put("verdict.ms", (System.nanoTime() - t0) / 1_000_000).put("verdict.network", network(bond));
        r.guarded("step.hostile", () -> hostileCalls(lab, r, helper, bond, alice));
        LaptopAttacks attacks = new LaptopAttacks(lab, r, helper);
        r.guarded("step.lookups", attacks::nameLookups);
        // mallory sends what looks like the helper's signals; then alice's switch makes a real one.
        Process watch = helper.startCli("laptop-watch", Topology.USER, "watch");
        Process notes = alice.watchNotifications("laptop-notify-forged");
        Wait.sleep(Duration.ofSeconds(3));
        forge(cmd, r);
        dialogs = alice.dialogsAnswered();
        Cmd.Result sw = helper.cli(Topology.USER, "switch", "wireless");
        r.put("switch.exit", sw.exit()).put("switch.dialogs", alice.dialogsAnswered() - dialogs);
        Path watchLog = cmd.logDir().resolve("laptop-watch.log");
        Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> BondReadings.readFile(watchLog.toString()).contains(" switchover "));
        Wait.sleep(Duration.ofSeconds(2));
        Cmd.stop(watch, Duration.ofSeconds(5));
        Cmd.stop(notes, Duration.ofSeconds(5));
        String watched = Files.readString(watchLog);
        r.put("forged.watch", watched.strip().replace('\n', '|'))
                .put("forged.watch_believed", watched.contains("forged") || watched.contains("FAKE-STATE") || watched.contains("\u001b"))
                .put("forged.watch_saw_real", watched.contains(" switchover eth0 -> wlan0"));
        String shown = String.join("|", alice.notifications("laptop-notify-forged")) + " / "
                + String.join("|", alice.notificationBodies("laptop-notify-forged"));
        r.put("forged.notifications", shown).put("forged.notified", shown.contains("forged") || shown.contains("FAKE"));
        helper.cli(Topology.USER, "switch", "auto");
        r.guarded("step.neighbours", () -> new TrayNeighbours(r, alice, helper).run());
        r.guarded("step.walk", () -> new OfficeWalk(lab, r, props(lab), wlan, alice).run());
        r.guarded("step.preferred", () -> new PreferredNetwork(lab, r, props(lab), wlan).run());
        r.guarded("step.roam", () -> new WifiRoam(lab, r, wlan).run());
        r.guarded("step.sleep", () -> new Suspend(lab, r, props(lab), wlan, alice).run());
        r.guarded("step.hostile_ssid", () -> attacks.hostileSsid(alice, wlan));
        r.guarded("step.hung", () -> attacks.hungResolvconf(alice));
        Cmd.Result disable = helper.cli(Topology.USER, "disable");
        r.put("disable.exit", disable.exit());
        r.guarded("step.no_bus", () -> noBus(cmd, r));

        journal(cmd, r);
    }

    /**
     * alice sets the bond up as a desktop user does: Settings… from the tray's menu on her panel
     * (the click as the panel sends it), then Return, which is Apply. With no interface ticked the
     * helper takes the first cable and the first Wi-Fi, as the form says.
     */
    private static void traySettings(Lab lab, Results r, DesktopSession alice) {
        Path shots = lab.cmd().logDir().getParent();
        String owner = alice.trayOwner();
        long t0 = System.nanoTime();
        alice.run("busctl", "--user", "call", owner, SniNames.MENU_PATH, "com.canonical.dbusmenu", "Event", "isvu",
                Integer.toString(SETTINGS_ITEM), "clicked", "i", "0", "0");
        String[] window = {""};
        r.put("tray_settings.window_ms", Wait.until("the tray's settings window on alice's display",
                Duration.ofSeconds(90), Duration.ofMillis(500), () -> !(window[0] = alice.run("xdotool", "search",
                        "--name", "^Bondtray settings$").out().strip()).isEmpty()));
        // The form fills in from the helper's properties as the window opens.
        Wait.sleep(Duration.ofSeconds(3));
        alice.screenshot(shots.resolve("laptop-settings.png"));
        String w = window[0].split("\\s+")[0];
        alice.focusThen(w, "key", "Return");
        Properties bond = props(lab);
        try {
            r.put("tray_settings.up_ms", Wait.until("the bond the settings set up", Duration.ofSeconds(120),
                    Duration.ofMillis(250), () -> "up".equals(state(bond)) && BondReadings.ports(lab).size() == 2));
        } finally {
            alice.screenshot(shots.resolve("laptop-settings-applied.png"));
            // She closes it, as she would: left open for the rest of the run, its focused field's
            // blinking caret kept JavaFX drawing, and the tray used 4-5 % of the guest's CPU.
            alice.focusThen(w, "key", "Escape");
            r.put("tray_settings.closed_ms", Wait.untilOrTimeout(Duration.ofSeconds(10), Duration.ofMillis(500),
                    () -> alice.run("xdotool", "search", "--onlyvisible", "--name", "^Bondtray settings$").out().isBlank()));
        }
        r.put("tray_settings.total_ms", (System.nanoTime() - t0) / 1_000_000);
        r.put("tray_settings.ports", String.join(" ", new java.util.TreeSet<>(BondReadings.ports(lab))));
    }

    /**
     * alice walks away from the password dialog while ten of her Setup calls wait for polkit: the
     * helper lets two of them wait and refuses the rest at once (Busy), her reads and other calls
     * still answer, and when the callers give up their checks are cancelled and the dialog goes.
     */
    private static void unansweredAgent(Lab lab, Results r, DesktopSession alice) {
        Cmd cmd = lab.cmd();
        String[] read = DesktopSession.asUser(Topology.USER,
                HelperProcess.gdbus("org.freedesktop.DBus.Properties.GetAll", BondtrayBus.BOND_INTERFACE));
        long t0 = System.nanoTime();
        cmd.tryRun(read);
        r.put("stalled.read_quiet_ms", (System.nanoTime() - t0) / 1_000_000);
        r.put("stalled.bus_read_quiet_ms", busRead(lab));
        // Her switch asks polkit, which a read does not: its own unloaded time is its baseline.
        String[] switchCall = DesktopSession.asUser(Topology.USER,
                HelperProcess.gdbus(BondtrayBus.BOND_INTERFACE + ".SwitchTo", "wlan0"));
        t0 = System.nanoTime();
        cmd.tryRun(switchCall);
        r.put("stalled.switch_quiet_ms", (System.nanoTime() - t0) / 1_000_000);
        alice.away(true);
        long polkitSaid = polkitEnded(cmd).size();
        List<Process> callers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                callers.add(cmd.start("stalled-setup-" + i, DesktopSession.asUser(Topology.USER,
                        HelperProcess.gdbus(30, BondtrayBus.BOND_INTERFACE + ".Setup", "{}"))));
            }
            // Measured once the ten callers have started and polkit's dialog is up: the load that
            // matters is the checks waiting, not ten processes starting under emulation.
            Wait.untilOrTimeout(Duration.ofSeconds(20), Duration.ofMillis(500), alice::dialogShown);
            Wait.sleep(Duration.ofSeconds(4));
            r.put("stalled.dialog_shown", alice.dialogShown());
            r.put("stalled.bus_read_ms", busRead(lab));
            // The same kind of call to the bus daemon itself, under the same load: what a process's
            // start and a call cost on the emulated CPU now, apart from the helper.
            t0 = System.nanoTime();
            cmd.tryRun(DesktopSession.asUser(Topology.USER, "gdbus", "call", "--system", "--dest", "org.freedesktop.DBus",
                    "--object-path", "/org/freedesktop/DBus", "--method", "org.freedesktop.DBus.GetId"));
            r.put("stalled.control_ms", (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            Cmd.Result answered = cmd.tryRun(read);
            r.put("stalled.read_ms", (System.nanoTime() - t0) / 1_000_000).put("stalled.read_exit", answered.exit());
            t0 = System.nanoTime();
            Cmd.Result other = cmd.tryRun(switchCall);
            r.put("stalled.switch_ms", (System.nanoTime() - t0) / 1_000_000)
                    .put("stalled.switch_output", (other.out() + other.err()).strip());
            int busy = 0;
            int waited = 0;
            for (int i = 0; i < callers.size(); i++) {
                callers.get(i).waitFor();
                String said = BondReadings.readFile(cmd.logDir().resolve("stalled-setup-" + i + ".log").toString());
                busy += said.contains(BondtrayBus.ERROR_BUSY) ? 1 : 0;
                waited += said.contains("Timeout was reached") ? 1 : 0;
            }
            r.put("stalled.busy", busy).put("stalled.waited_to_the_end", waited);
            // The callers gave up and left the bus: the helper cancels their checks, which polkitd
            // records as ended (a failure for a caller it cannot name any more), within seconds.
            int w = waited;
            r.put("stalled.checks_ended_ms", Wait.untilOrTimeout(Duration.ofSeconds(15), Duration.ofMillis(250),
                    () -> polkitEnded(cmd).stream().skip(polkitSaid).count() >= w));
            r.put("stalled.checks_ended", String.join(" | ", polkitEnded(cmd).stream().skip(polkitSaid).toList()));
            // The callers gave up and left the bus: the helper cancels their checks, the dialog goes.
            r.put("stalled.dialog_gone_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(500),
                    () -> !alice.dialogShown()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            callers.forEach(p -> Cmd.stop(p, Duration.ofSeconds(2)));
            // A dialog still up now belongs to no caller: alice, back at her screen, closes it,
            // so what she does next is not queued behind it (the figure above says it stayed).
            if (alice.dialogShown()) {
                r.put("stalled.dialog_left_over", true);
                alice.dismissDialog();
                Wait.untilOrTimeout(Duration.ofSeconds(10), Duration.ofMillis(500), () -> !alice.dialogShown());
            }
            alice.away(false);
        }
    }

    /** polkitd's journal lines for checks of alice's that ended unanswered, her caller gone from the bus. */
    private static List<String> polkitEnded(Cmd cmd) {
        return Units.journalOf(cmd, "SYSLOG_IDENTIFIER=polkitd").lines()
                .filter(l -> l.contains("FAILED to authenticate") && l.contains("[<unknown>] (owned by unix-user:alice)"))
                .toList();
    }

    /** One read of the bond's properties over the lab's own bus connection, in ms: the helper's own answer time. */
    private static long busRead(Lab lab) {
        long t0 = System.nanoTime();
        props(lab).GetAll(BondtrayBus.BOND_INTERFACE);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * alice and mallory each throw the helper some 200 malformed and hostile calls over a bus
     * connection of their own. Each gets a typed error at once; none reaches polkit (alice's
     * agent would show a dialog); the helper, the bond and every file it writes stay as they were.
     */
    private static void hostileCalls(Lab lab, Results r, HelperProcess helper, Properties bond, DesktopSession alice)
            throws IOException {
        Map<String, String> before = BondReadings.snapshot(bond);
        Map<String, String> files = writtenFiles();
        long pid = helper.pid();
        int dialogs = alice.dialogsAnswered();
        int total = 0;
        // A first run of mallory's before the measured ones: the helper's first decoding of
        // 3000 entries is its slowest; its figures are kept.
        Map<String, String> runs = new java.util.LinkedHashMap<>();
        runs.put("cold", Topology.REFUSED_USER);
        runs.put(Topology.USER, Topology.USER);
        runs.put(Topology.REFUSED_USER, Topology.REFUSED_USER);
        for (Map.Entry<String, String> run : runs.entrySet()) {
            List<HostileCalls.Answer> answers = HostileCalls.runAs(lab, run.getValue());
            total += answers.size();
            String key = "hostile." + run.getKey();
            r.put(key + ".count", answers.size())
                    .put(key + ".accepted", names(answers, a -> a.outcome().equals("accepted")))
                    .put(key + ".untyped", names(answers, a -> !a.typed()))
                    .put(key + ".over_1s", names(answers, a -> !a.bulky() && a.ms() > 1000))
                    .put(key + ".bulky_over_3s", names(answers, a -> a.bulky() && a.ms() > 3000))
                    .put(key + ".max_ms", answers.stream().mapToLong(HostileCalls.Answer::ms).max().orElse(-1))
                    .put(key + ".slowest", HostileCalls.slowest(answers, 5))
                    .put(key + ".errors", answers.stream().collect(java.util.stream.Collectors.groupingBy(
                            HostileCalls.Answer::outcome, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())).toString());
        }
        r.put("hostile.count", total).put("hostile.dialogs", alice.dialogsAnswered() - dialogs)
                .put("hostile.dialog_shown", alice.dialogShown())
                .put("hostile.same_helper", helper.pid() == pid)
                .put("hostile.bond_changes", BondReadings.changes(before, BondReadings.snapshot(bond)))
                .put("hostile.files_unchanged", files.equals(writtenFiles()));
    }

    private static String names(List<HostileCalls.Answer> answers, java.util.function.Predicate<HostileCalls.Answer> which) {
        return String.join(" ", answers.stream().filter(which).map(a -> a.name() + "=" + a.outcome()).toList());
    }

    /** Every file the helper writes, by path: its configuration, its run state, the resolver's. */
    private static Map<String, String> writtenFiles() throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        for (String dir : List.of(HelperProcess.CONFIG_DIR, "/run/bondtray")) {
            try (var all = Files.list(Path.of(dir))) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    files.put(p.toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            } catch (java.nio.file.NoSuchFileException e) {
                files.put(dir, "absent");
            }
        }
        files.put("/etc/resolv.conf", readFile("/etc/resolv.conf"));
        return files;
    }

    /**
     * mallory, another local user, sends the three signals the tray and {@code bondtray watch}
     * follow, on the bond's path: a Switchover with an escape sequence in its reason, a
     * RolledBack with markup, a PropertiesChanged with a made-up state. The bus lets her.
     */
    private static void forge(Cmd cmd, Results r) {
        String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
        List<String[]> signals = List.of(
                new String[] {path, BondtrayBus.BOND_INTERFACE, "Switchover", "ssstu", "eth0", "wlan0",
                        "forged\u001b[31m", "1", "5"},
                new String[] {path, BondtrayBus.BOND_INTERFACE, "RolledBack", "s", "<b>forged</b> rollback"},
                new String[] {path, "org.freedesktop.DBus.Properties", "PropertiesChanged", "sa{sv}as",
                        BondtrayBus.BOND_INTERFACE, "1", "State", "s", "FAKE-STATE", "0"});
        int sent = 0;
        for (String[] signal : signals) {
            Cmd.Result emit = cmd.tryRun(Cmd.asUser(Topology.REFUSED_USER,
                    Cmd.concat(new String[] {"busctl", "--system", "emit"}, signal)));
            sent += emit.exit() == 0 ? 1 : 0;
            if (emit.exit() != 0) {
                r.put("forged.emit_error", emit.err().strip());
            }
        }
        r.put("forged.sent", sent);
    }

    /**
     * alice's command line on a machine whose system bus is not there (its socket absent, as when
     * dbus is stopped; the lab's own bus stays up for everything else): it says so at once, with
     * exit 3, while --version and --help need no bus at all. --version's time is the JVM's start.
     */
    private static void noBus(Cmd cmd, Results r) {
        String[] nowhere = {"env", "DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/dbus/no-such-socket", "bondtray"};
        for (String[] args : List.of(new String[] {"status"}, new String[] {"--version"}, new String[] {"--help"})) {
            long t0 = System.nanoTime();
            Cmd.Result res = cmd.tryRun(Cmd.asUser(Topology.USER, Cmd.concat(nowhere, args)));
            String key = "no_bus." + args[0].replace("-", "");
            r.put(key + ".ms", (System.nanoTime() - t0) / 1_000_000).put(key + ".exit", res.exit())
                    .put(key + ".said", (res.out() + res.err()).strip().lines().findFirst().orElse(""));
        }
    }

    private static void refused(Results r, String key, Cmd.Result call) {
        r.put(key + ".exit", call.exit()).put(key + ".output", (call.out() + call.err()).strip());
    }

    /** The unit's sandbox as systemd applies it, and the capabilities the helper's process holds. */
    private static void sandbox(Cmd cmd, Results r, long pid) {
        for (String p : List.of("RestrictAddressFamilies", "CapabilityBoundingSet", "AmbientCapabilities",
                "ProtectSystem", "ProtectHome", "NoNewPrivileges", "PrivateTmp", "UMask", "DevicePolicy",
                "ProtectKernelModules", "ProtectKernelLogs", "IPAddressDeny", "SystemCallErrorNumber")) {
            r.put("unit." + p, cmd.run("systemctl", "show", "--property=" + p, "--value", HelperProcess.UNIT).strip());
        }
        r.put("unit.SystemCallFilter_set", !cmd.run("systemctl", "show", "--property=SystemCallFilter", "--value",
                HelperProcess.UNIT).isBlank());
        java.util.regex.Matcher exposure = java.util.regex.Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)")
                .matcher(cmd.tryRun("systemd-analyze", "security", "--no-pager", HelperProcess.UNIT).out());
        r.put("unit.exposure", exposure.find() ? exposure.group(1) : "none");
        for (String line : readFile("/proc/" + pid + "/status").lines().toList()) {
            for (String cap : List.of("CapEff", "CapPrm", "CapBnd", "CapAmb", "CapInh")) {
                if (line.startsWith(cap + ":")) {
                    r.put("proc." + cap, capabilities(Long.parseUnsignedLong(line.substring(cap.length() + 1).strip(), 16)));
                }
            }
        }
    }

    /** A capability mask as names (cap_N for one this table does not name). */
    static String capabilities(long mask) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(bit < CAPABILITY_NAMES.length && CAPABILITY_NAMES[bit] != null ? CAPABILITY_NAMES[bit] : "cap_" + bit);
            }
        }
        return String.join(" ", names);
    }

    /** A number the helper logged this boot, the last time it matched. */
    private static long journalFigure(Cmd cmd, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(Units.journal(cmd, HelperProcess.UNIT));
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    /**
     * The helper's warnings as an administrator reads them: {@code journalctl -u bondtray-helper
     * -p warning}, each record on its own line led by the helper's name.
     */
    private static void journal(Cmd cmd, Results r) {
        List<String> warnings = Units.journalOf(cmd, "-u", HelperProcess.UNIT, "-p", "warning").lines()
                .filter(l -> !l.startsWith("--")).toList();
        List<String> all = Units.journal(cmd, HelperProcess.UNIT).lines().filter(l -> l.contains("bondtray-helper["))
                .toList();
        // systemd's own words about the unit (a process killed, a restart) are in it too.
        List<String> helperWarnings = warnings.stream().filter(l -> l.contains("bondtray-helper[")).toList();
        r.put("journal.warnings", warnings.size()).put("journal.records", all.size());
        r.put("journal.helper_warnings", helperWarnings.size());
        r.put("journal.warning_first", helperWarnings.isEmpty() ? "" : helperWarnings.get(0));
        // A record that took two lines leaves a line that is not a record of its own: the
        // logging's default date-and-source line, its "LEVEL:" line, a stack frame.
        r.put("journal.broken_lines", all.stream().filter(l -> l.matches(
                ".*bondtray-helper\\[\\d+\\]: (\\s.*|at .*|Caused by.*|(INFO|WARNING|SEVERE|FINE): .*|[A-Z][a-z]{2} \\d{2}, \\d{4} .*)"))
                .count());
        r.put("journal.info_records", all.size() - helperWarnings.size());
    }
}
