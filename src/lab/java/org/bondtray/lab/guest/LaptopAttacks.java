package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.bondtray.api.BondtrayBus;
import org.bondtray.tray.sni.SniNames;
import org.bondtray.wifi.SsidText;

/**
 * The audit's attacks that need the laptop as it is, under the installed unit: a local user's
 * names where addresses belong (does root ask a name server?), a resolvconf that never answers
 * (does the helper's worker hang for good?) and a neighbour's access point whose name holds an
 * escape sequence and a forged log line (does any screen or log take it raw?).
 */
final class LaptopAttacks {
    /** The helper's warning when it gives up on a child; ChildProcess words it. */
    private static final String KILLED = "did not finish within 10 s; killed";
    private static final Path RESOLVCONF = Path.of("/usr/sbin/resolvconf");
    private static final Path RESOLVCONF_STATE = Path.of("/run/resolvconf");
    private static final Path RESOLVCONF_CALLS = RESOLVCONF_STATE.resolve("lab-calls");

    private final Lab lab;
    private final Results r;
    private final HelperProcess helper;

    LaptopAttacks(Lab lab, Results r, HelperProcess helper) {
        this.lab = lab;
        this.r = r;
        this.helper = helper;
    }

    /**
     * mallory puts names, and texts that only look like addresses, in every option that takes
     * an address. glibc's lookup would open /etc/hosts and resolv.conf and make an IP socket,
     * as root: strace on every thread of the helper sees none of it, and each call is refused.
     */
    void nameLookups() throws Exception {
        Cmd cmd = lab.cmd();
        long pid = helper.pid();
        int[] threads = {0};
        Path trace = cmd.logDir().resolve("laptop-lookups.strace");
        Path attachLog = cmd.logDir().resolve("laptop-lookups-strace.log");
        Process strace = cmd.start("laptop-lookups-strace", "strace", "-f", "-tt", "-e",
                "trace=open,openat,socket,connect", "-o", trace.toString(), "-p", Long.toString(pid));
        List<String> options = List.of("{'DNS': <['face.cafe']>}", "{'DNS': <['localhost']>}",
                "{'DNS': <['1.2.3']>}", "{'Gateway': <['dead.beef']>}", "{'Gateway': <['cafe:bad.example']>}",
                "{'Addresses': <['cafe.bad/24']>, 'Addressing': <'static'>}",
                "{'Routes': <['10.9.0.0/16 via face.b00c']>}", "{'FallbackAddress': <'bead.ed/16'>}");
        int refused = 0;
        List<String> answers = new ArrayList<>();
        try {
            r.put("lookups.attach_ms", Wait.until("strace on every thread of the helper", Duration.ofSeconds(60),
                    Duration.ofMillis(250), () -> attached(attachLog) >= (threads[0] = threadsOf(pid))));
            for (String option : options) {
                Cmd.Result call = cmd.tryRun(Cmd.asUser(Topology.REFUSED_USER,
                        HelperProcess.gdbus(BondtrayBus.BOND_INTERFACE + ".Setup", option)));
                refused += call.exit() != 0 && call.err().contains(BondtrayBus.ERROR_INVALID_ARGS) ? 1 : 0;
                answers.add(call.err().strip());
            }
            // Anything the calls set off has had its moment.
            Wait.sleep(Duration.ofSeconds(2));
        } finally {
            Cmd.stop(strace, Duration.ofSeconds(10));
        }
        List<String> traced = Files.readAllLines(trace);
        r.put("lookups.calls", options.size()).put("lookups.refused", refused)
                .put("lookups.answers", String.join(" | ", answers))
                .put("lookups.threads", threads[0]).put("lookups.attached", attached(attachLog))
                .put("lookups.traced_lines", traced.size())
                .put("lookups.name_lookups", String.join(" | ", traced.stream().filter(l -> l.matches(
                        ".*(/etc/(hosts|resolv\\.conf|nsswitch\\.conf|host\\.conf|gai\\.conf)|socket\\(AF_INET"
                                + "|htons\\(53\\)|io\\.systemd\\.Resolve|nscd).*")).toList()));
    }

    private static int threadsOf(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return (int) tasks.count();
        } catch (IOException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Threads strace follows: "Process N attached with M threads" at first, one line per new thread after. */
    private static int attached(Path strace) {
        int n = 0;
        for (String line : BondReadings.readFile(strace.toString()).lines().toList()) {
            java.util.regex.Matcher with = java.util.regex.Pattern.compile("attached with (\\d+) threads").matcher(line);
            n += with.find() ? Integer.parseInt(with.group(1)) : line.contains(" attached") ? 1 : 0;
        }
        return n;
    }

    /**
     * resolvconf is installed and never answers: it keeps its output open and sleeps, as a
     * resolvconf stuck on a lock does. The helper kills it (and what it started) after 10 s and
     * goes on: alice's switch is served, and once resolvconf works again it gets the servers.
     */
    void hungResolvconf(DesktopSession alice) throws Exception {
        Cmd cmd = lab.cmd();
        // systemd-resolved's package links resolvconf to resolvectl: kept aside and put back.
        Path kept = RESOLVCONF.resolveSibling("resolvconf.lab-kept");
        boolean had = Files.exists(RESOLVCONF, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        r.put("hung.resolvconf_before", had);
        if (had) {
            Files.move(RESOLVCONF, kept, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(RESOLVCONF_STATE);
        script(RESOLVCONF, "# The lab's resolvconf that never answers: a child holds the output open.\nsleep 600\n");
        try {
            long t0 = System.nanoTime();
            // The helper looks for resolvconf as it starts.
            cmd.run("systemctl", "restart", HelperProcess.UNIT);
            long pid = helper.pid();
            String cgroup = "/sys/fs/cgroup" + cmd.run("systemctl", "show", "--property=ControlGroup", "--value",
                    HelperProcess.UNIT).strip() + "/cgroup.procs";
            Set<Long> children = new TreeSet<>();
            r.put("hung.started_ms", Wait.until("the helper to run the hung resolvconf", Duration.ofSeconds(90),
                    Duration.ofMillis(250), () -> children.addAll(BondReadings.readFile(cgroup).lines()
                            .map(Long::parseLong).filter(p -> p != pid).toList())));
            r.put("hung.since_restart_ms", (System.nanoTime() - t0) / 1_000_000).put("hung.children", children.toString());
            // The worker waits on the child now: the helper still answers reads.
            long t1 = System.nanoTime();
            BondReadings.props(lab).GetAll(BondtrayBus.BOND_INTERFACE);
            r.put("hung.read_while_waiting_ms", (System.nanoTime() - t1) / 1_000_000);
            // A change, which the worker serves, while resolvconf still hangs: alice's preference, over
            // the bus (gdbus: a CLI's JVM takes 6 s of CPU in the emulated VM, which would hide it).
            long t3 = System.nanoTime();
            Cmd.Result change = cmd.tryRun(DesktopSession.asUser(Topology.USER, HelperProcess.gdbus(30,
                    BondtrayBus.BOND_INTERFACE + ".SetPreference", "automatic")));
            r.put("hung.change_while_waiting_ms", (System.nanoTime() - t3) / 1_000_000)
                    .put("hung.change_while_waiting", (change.exit() + " " + change.out() + change.err()).strip())
                    .put("hung.change_children_alive", children.stream()
                            .anyMatch(p -> Files.exists(Path.of("/proc", p.toString()))));
            r.put("hung.killed_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> children.stream().noneMatch(p -> Files.exists(Path.of("/proc", p.toString())))));
            r.put("hung.children_left", children.stream().filter(p -> Files.exists(Path.of("/proc", p.toString())))
                    .count()).put("hung.same_helper", helper.pid() == pid);
            Wait.untilOrTimeout(Duration.ofSeconds(10), Duration.ofMillis(250),
                    () -> Units.journalOf(cmd, "_PID=" + pid).contains(KILLED));
            String warning = Units.journalOf(cmd, "_PID=" + pid).lines().filter(l -> l.contains(KILLED)).findFirst()
                    .orElse("");
            r.put("hung.warning", warning.replaceFirst("^.*?bondtray-helper\\[\\d+\\]: ", ""));

            // resolvconf answers again; alice's switch sets the helper looking.
            script(RESOLVCONF, "# The lab's resolvconf that answers: it records what it was given.\n"
                    + "echo \"resolvconf $*\" >> " + RESOLVCONF_CALLS + "\ncat >> " + RESOLVCONF_CALLS + "\n");
            long t2 = System.nanoTime();
            Cmd.Result sw = helper.cli(Topology.USER, "switch", "wireless");
            r.put("hung.switch_exit", sw.exit()).put("hung.switch_ms", (System.nanoTime() - t2) / 1_000_000)
                    .put("hung.switch_output", (sw.out() + sw.err()).strip());
            helper.cli(Topology.USER, "switch", "auto");
            r.put("hung.recovered_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> BondReadings.readFile(RESOLVCONF_CALLS.toString()).contains("nameserver")));
            r.put("hung.resolvconf_got", BondReadings.readFile(RESOLVCONF_CALLS.toString()).strip().replace('\n', '|'));
        } finally {
            // The laptop as it was: no resolvconf, the helper writing resolv.conf itself.
            Files.deleteIfExists(RESOLVCONF);
            if (had) {
                Files.move(kept, RESOLVCONF);
            }
            Files.deleteIfExists(RESOLVCONF_CALLS);
            Files.deleteIfExists(RESOLVCONF_STATE);
            cmd.run("systemctl", "restart", HelperProcess.UNIT);
        }
    }

    /** An executable shell script at {@code path}, put there at once (a running copy keeps its own). */
    private static void script(Path path, String body) throws IOException {
        Path next = path.resolveSibling(path.getFileName() + ".lab-new");
        Files.writeString(next, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(next, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The neighbour's access point takes the café's place. alice lists networks, joins it by the
     * name her list shows, and reads her status and her tray's tooltip; then the helper's journal
     * and hers are read as an administrator would. Each shows the name escaped, one line, in
     * one colour; no control character reaches a terminal or a log.
     */
    void hostileSsid(DesktopSession alice, String wlan) throws Exception {
        Topology net = lab.net();
        // wpa_supplicant's bus policy lets netdev pick networks, as on Debian.
        lab.cmd().run("usermod", "-a", "-G", "netdev", Topology.USER);
        String shown = SsidText.show(AccessPoint.HOSTILE.ssidBytes());
        r.put("hostile_ssid.shown", shown);
        String since = "@" + (System.currentTimeMillis() / 1000 - 1);
        net.replaceAp(AccessPoint.CAFE, AccessPoint.HOSTILE);
        try {
            Cmd.Result[] list = {null};
            r.put("hostile_ssid.listed_ms", Wait.untilOrTimeout(Duration.ofSeconds(120), Duration.ofSeconds(2),
                    () -> (list[0] = helper.cliInNewLogin(Topology.USER, "wifi", "list")).out().contains(shown)));
            screen("list", list[0]);
            Path password = WifiCliSteps.passwordFile(lab, "password-hostile", AccessPoint.HOSTILE.passphrase());
            Cmd.Result join = helper.cliInNewLogin(Topology.USER, "wifi", "connect", shown, "--password-file",
                    password.toString());
            r.put("hostile_ssid.join_exit", join.exit());
            screen("join", join);
            Cmd.Result[] status = {null};
            r.put("hostile_ssid.status_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofSeconds(1),
                    () -> (status[0] = helper.cli(Topology.USER, "status")).out().contains(shown)));
            screen("status", status[0]);
            // gdbus prints a string's own backslash doubled and a raw control character as \\uNNNN.
            String[] tip = {""};
            r.put("hostile_ssid.tooltip_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofSeconds(1),
                    () -> (tip[0] = alice.run("gdbus", "call", "--session", "--dest", alice.trayOwner(), "--object-path",
                            SniNames.ITEM_PATH, "--method", "org.freedesktop.DBus.Properties.Get",
                            SniNames.ITEM_INTERFACE, "ToolTip").out()).contains(shown.replace("\\", "\\\\"))));
            r.put("hostile_ssid.tooltip", tip[0].strip());
            // The helper's records and everything of alice's (her tray's among them), raw.
            String journals = lab.cmd().tryRun("journalctl", "--no-pager", "-b", "--all", "-o", "cat", "--since", since,
                    "_SYSTEMD_UNIT=" + HelperProcess.UNIT, "+", "_UID=" + DesktopSession.uid(Topology.USER)).out();
            r.put("hostile_ssid.journal_controls", controls(journals))
                    .put("hostile_ssid.journal_forged_lines", journals.lines().filter(l -> l.startsWith("WARN forged")).count())
                    .put("hostile_ssid.journal_mentions", journals.lines().filter(l -> l.contains(shown)).count());
        } finally {
            helper.cliInNewLogin(Topology.USER, "wifi", "forget", shown);
            net.replaceAp(AccessPoint.HOSTILE, AccessPoint.CAFE);
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        }
    }

    /** What alice's terminal got: control and format characters in it, and lines the SSID began. */
    private void screen(String step, Cmd.Result shown) {
        String text = shown.out() + shown.err();
        r.put("hostile_ssid." + step + ".controls", controls(text))
                .put("hostile_ssid." + step + ".forged_lines", text.lines().filter(l -> l.startsWith("WARN forged")).count())
                .put("hostile_ssid." + step + ".text", text.strip().replace('\n', '|'));
    }

    /** Control and format characters (escape, bell, CR, bidi overrides), newlines and tabs aside. */
    static long controls(String text) {
        return text.codePoints().filter(c -> c != '\n' && c != '\t'
                && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)).count();
    }
}
