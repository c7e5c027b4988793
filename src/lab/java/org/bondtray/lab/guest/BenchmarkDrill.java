package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * Bondtray side by side with what users do today, under the same cable cuts and restores and the
 * same probe: (a) Bondtray's helper; (b) NetworkManager as laptops run it (the cable and the Wi-Fi
 * each with its own address and default route, no bond); (c) the wiki recipe (a bond made with
 * kernel tools, dhcpcd on it, no helper). For every event: the longest gap of a 5 ms ping, echo
 * requests lost, how many of 50 TCP connections survive, whether the address the laptop talks
 * to the router from changed. Then, for Bondtray alone, what only it has: the desktop's figures
 * ({@link DesktopFigures}) and the helper's scale ({@link ScaleFigures}); a part that fails is
 * recorded as {@code <part>.error} and the rest still runs. Run by the benchmark command, not by
 * the tests.
 */
final class BenchmarkDrill implements Scenario {
    static final List<String> CONTENDERS = List.of("bondtray", "networkmanager", "recipe");
    private static final int PING_MS = 5;
    private static final int TCP_CONNECTIONS = 50;
    /** A connection without an echo for this long is lost: a user's SSH would be frozen by then. */
    private static final Duration TCP_PATIENCE = Duration.ofSeconds(10);
    private static final Duration BEFORE = Duration.ofSeconds(1);
    private static final Duration HOLD = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    /**
     * How many of each: cuts and restores per contender; Bondtray alone: picker opens,
     * switchovers with a notification, cables pulled per bond size, switchovers in a row.
     */
    record Rounds(int events, int pickerOpens, int notified, int scaleCuts, int switchovers) {
    }

    static final Rounds FULL = new Rounds(20, 5, 20, 10, 1000);
    static final Rounds QUICK = new Rounds(2, 2, 4, 2, 100);

    private final Rounds rounds;

    BenchmarkDrill(Rounds rounds) {
        this.rounds = rounds;
    }

    /** One cut or restore as the probe saw it. */
    record Event(long gapMs, int lost, int tcpSurvived, boolean addressChanged, long settledMs, long quietGapMs) {
    }

    @Override
    public void run(Lab lab, Results r) throws Exception {
        r.put("events", rounds.events()).put("ping_ms", PING_MS).put("tcp_connections", TCP_CONNECTIONS)
                .put("tcp_patience_s", TCP_PATIENCE.toSeconds());
        recipe(lab, r);
        lab.reset();
        bondtray(lab, r);
        lab.reset();
        networkManager(lab, r);
    }

    private void recipe(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        PlainBond bond = lab.bond();
        bond.create(Topology.WIRED, Topology.WIRED, wlan);
        lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(90));
        lab.dhcp().start(PlainBond.NAME);
        cycles(lab, r, "recipe", wlan, () -> wlan.equals(bond.activePort()), () -> Topology.WIRED.equals(bond.activePort()));
    }

    private void bondtray(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        HelperProcess helper = new HelperProcess(lab.cmd());
        try {
            r.put("bondtray.helper_start_ms", helper.start());
            helper.setup(r, Topology.USER);
            Properties bond = BondReadings.props(lab);
            Wait.until("the bond up with the cable and the Wi-Fi", Duration.ofSeconds(120), Duration.ofMillis(250),
                    () -> "up".equals(BondReadings.state(bond)));
            Wait.until("the bond's address from DHCP", Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> !lab.net().addresses(PlainBond.NAME, 4).isEmpty());
            long logged = HelperProcess.log(lab.cmd()).lines().count();
            cycles(lab, r, "bondtray", wlan, () -> wlan.equals(BondReadings.active(bond)),
                    () -> Topology.WIRED.equals(BondReadings.active(bond)));
            helperPart(r, "bondtray.cut.helper", HelperProcess.log(lab.cmd()).lines().skip(logged).toList());
            r.guarded("bondtray.desktop", () -> new DesktopFigures(lab, r, helper, "bondtray")
                    .run(rounds.pickerOpens(), rounds.notified(), wlan));
            helper.cli(Topology.USER, "disable");
            ScaleFigures scale = new ScaleFigures(lab, r, helper, "bondtray");
            r.guarded("bondtray.ports", () -> scale.ports(rounds.scaleCuts()));
            r.guarded("bondtray.switchovers", () -> scale.switchovers(rounds.switchovers(), wlan));
        } finally {
            helper.stop();
        }
    }

    private void networkManager(Lab lab, Results r) throws Exception {
        String wlan = lab.net().wifiInterface(0);
        try (NetworkManagerLaptop nm = new NetworkManagerLaptop(lab.cmd(), wlan).start(lab, r)) {
            // Settled: traffic to the router leaves through the port that should carry it, from an address it has.
            cycles(lab, r, "networkmanager", "", () -> routeDev(lab).equals(wlan),
                    () -> routeDev(lab).equals(Topology.WIRED) && !lab.net().addresses(Topology.WIRED, 4).isEmpty());
            // The reference daemon at rest, measured as the helper and the tray are (DesktopFigures).
            r.guarded("reference.networkmanager", () -> {
                long pid = Long.parseLong(lab.cmd().run("systemctl", "show", "-P", "MainPID",
                        NetworkManagerLaptop.UNIT).strip());
                ProcSample before = ProcSample.of(pid);
                Wait.sleep(DesktopFigures.IDLE);
                DesktopFigures.idle(r, "reference.idle.networkmanager", before, ProcSample.of(pid));
            });
        }
    }

    /**
     * {@code events} cuts and as many restores, each under a fresh probe; figures under
     * {@code name.}. For a bond ({@code wlan} its Wi-Fi port, "" for none) each is also timed by
     * the kernel's own records ({@link KernelClock}).
     */
    private void cycles(Lab lab, Results r, String name, String wlan, BooleanSupplier onWifi, BooleanSupplier onCable)
            throws Exception {
        List<Event> cuts = new ArrayList<>();
        List<Event> restores = new ArrayList<>();
        List<KernelClock.Failover> kernelCuts = new ArrayList<>();
        List<KernelClock.Failover> kernelRestores = new ArrayList<>();
        int logFrom = KernelLog.length(lab.cmd());
        try (KernelClock clock = wlan.isEmpty() ? null
                : new KernelClock(lab.cmd(), name + "-clock", PlainBond.NAME, Topology.WIRED, wlan)) {
            for (int i = 0; i < rounds.events(); i++) {
                long t = KernelClock.now();
                cuts.add(event(lab, () -> lab.net().cutCable(), onWifi));
                if (clock != null) {
                    clock.failover(t, Topology.WIRED, false, wlan).ifPresent(kernelCuts::add);
                }
                t = KernelClock.now();
                restores.add(event(lab, () -> lab.net().restoreCable(), onCable));
                if (clock != null) {
                    clock.failover(t, Topology.WIRED, true, Topology.WIRED).ifPresent(kernelRestores::add);
                }
            }
        }
        summarize(r, name + ".cut", cuts);
        summarize(r, name + ".restore", restores);
        if (!wlan.isEmpty()) {
            byKernel(r, name + ".cut.kernel", kernelCuts);
            byKernel(r, name + ".restore.kernel", kernelRestores);
            List<String> log = KernelLog.since(lab.cmd(), logFrom);
            byKernelLog(r, name + ".cut.printk", KernelLog.intervals(log, KernelLog.cableEnd(Topology.CABLE_PEER, false),
                    KernelLog.madeActive(PlainBond.NAME, wlan)));
            byKernelLog(r, name + ".restore.printk", KernelLog.intervals(log,
                    KernelLog.cableEnd(Topology.CABLE_PEER, true), KernelLog.madeActive(PlainBond.NAME, Topology.WIRED)));
        }
    }

    /**
     * The kernel's times of each event, ms: carrier event → the bond's new active port
     * ({@code .bond}), → the first echo request out of it ({@code .frame}); how many events the
     * records showed, and how many of those lack one of the two.
     */
    private static void byKernel(Results r, String key, List<KernelClock.Failover> events) {
        r.put(key + ".seen", events.size());
        List<Double> bond = events.stream().filter(e -> e.bondMicros() >= 0).map(e -> e.bondMicros() / 1000.0).toList();
        List<Double> frame = events.stream().filter(e -> e.firstFrameMicros() >= 0)
                .map(e -> e.firstFrameMicros() / 1000.0).toList();
        r.put(key + ".missing", events.size() * 2 - bond.size() - frame.size());
        if (!bond.isEmpty()) {
            spread(r, key + ".bond", bond);
        }
        if (!frame.isEmpty()) {
            spread(r, key + ".frame", frame);
        }
    }

    private static final java.util.regex.Pattern HELPER_PART = java.util.regex.Pattern.compile(
            "active at once, ahead of the bond's own link check \\((\\d+\\.\\d) ms after the event\\)");

    /**
     * The helper's own part of each cut it acted on, from its log: the carrier event's receipt →
     * the helper done with it, after its request to make the Wi-Fi active (ms); and how many cuts it acted on (the
     * bond's own link check may have been first).
     */
    private static void helperPart(Results r, String key, List<String> log) {
        counted(r, key, "acted", log.stream().map(HELPER_PART::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> Double.parseDouble(m.group(1))).toList());
    }

    /** The kernel's log's times of the events (ms), and how many the log showed. */
    private static void byKernelLog(Results r, String key, List<Double> ms) {
        counted(r, key, "seen", ms);
    }

    /** How many {@code ms} there are (under {@code key.count}), and their spread when there are any. */
    private static void counted(Results r, String key, String count, List<Double> ms) {
        r.put(key + "." + count, ms.size());
        if (!ms.isEmpty()) {
            spread(r, key, ms);
        }
    }

    private Event event(Lab lab, Runnable act, BooleanSupplier settled) throws Exception {
        Supplier<String> source = () -> routeSource(lab);
        String before = source.get();
        TrafficProbe probe = new TrafficProbe(lab.cmd(), Topology.ROUTER, Topology.ECHO_PORT, TCP_CONNECTIONS, PING_MS,
                TCP_PATIENCE);
        Wait.sleep(BEFORE);
        probe.mark("event");
        act.run();
        long settledMs = Wait.untilOrTimeout(SETTLE, Duration.ofMillis(5), settled);
        Wait.sleep(HOLD);
        TrafficProbe.Report report = probe.stop();
        TrafficProbe.Window w = report.window("event", "event", TrafficProbe.END);
        // The second before the event: what the probe shows when nothing happens (emulation's jitter).
        TrafficProbe.Window quiet = report.window("quiet", TrafficProbe.START, "event");
        // Give the next event a network that works again, whatever this one did to it.
        Wait.untilOrTimeout(SETTLE, Duration.ofMillis(100), () -> !routeSource(lab).isEmpty());
        return new Event(w.longestGapMs(), w.lost(), report.tcp().survived(), !before.equals(source.get()), settledMs,
                quiet.longestGapMs());
    }

    /** Median, 95th percentile and maximum of gap and loss, TCP survivors, address changes. */
    static void summarize(Results r, String prefix, List<Event> events) {
        List<Long> gaps = events.stream().map(Event::gapMs).sorted().toList();
        List<Long> lost = events.stream().map(e -> (long) e.lost()).sorted().toList();
        r.put(prefix + ".gap_ms", String.join(" ", events.stream().map(e -> Long.toString(e.gapMs())).toList()));
        r.put(prefix + ".gap_median", percentile(gaps, 50)).put(prefix + ".gap_p95", percentile(gaps, 95))
                .put(prefix + ".gap_max", gaps.get(gaps.size() - 1));
        r.put(prefix + ".lost_median", percentile(lost, 50)).put(prefix + ".lost_p95", percentile(lost, 95))
                .put(prefix + ".lost_max", lost.get(lost.size() - 1));
        r.put(prefix + ".tcp_survived", events.stream().mapToInt(Event::tcpSurvived).sum())
                .put(prefix + ".tcp_total", events.size() * TCP_CONNECTIONS);
        r.put(prefix + ".address_changed", events.stream().filter(Event::addressChanged).count());
        r.put(prefix + ".unsettled", events.stream().filter(e -> e.settledMs() < 0).count());
        List<Long> quiet = events.stream().map(Event::quietGapMs).sorted().toList();
        r.put(prefix + ".quiet_gap_median", percentile(quiet, 50)).put(prefix + ".quiet_gap_max", quiet.get(quiet.size() - 1));
    }

    /** Median and maximum of {@code values} (ms, to a tenth), and every value in order, under {@code key.}. */
    static void spread(Results r, String key, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        r.put(key + ".median", String.format(java.util.Locale.ROOT, "%.1f", percentile(sorted, 50)))
                .put(key + ".p95", String.format(java.util.Locale.ROOT, "%.1f", percentile(sorted, 95)))
                .put(key + ".max", String.format(java.util.Locale.ROOT, "%.1f", sorted.get(sorted.size() - 1)))
                .put(key + ".all", String.join(" ", values.stream().map(v -> String.format(java.util.Locale.ROOT, "%.1f", v))
                        .toList()));
    }

    /** Nearest-rank percentile of sorted values. */
    static <T> T percentile(List<T> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The address the laptop talks to the router from now ("" when it has no route). */
    private static String routeSource(Lab lab) {
        return field(lab, "src");
    }

    private static String routeDev(Lab lab) {
        return field(lab, "dev");
    }

    private static String field(Lab lab, String name) {
        List<String> words = List.of(lab.cmd().tryRun("ip", "-4", "route", "get", Topology.ROUTER).out().strip().split("\\s+"));
        int i = words.indexOf(name);
        return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : "";
    }
}
