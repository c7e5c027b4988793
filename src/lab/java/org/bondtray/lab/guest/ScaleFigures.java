package org.bondtray.lab.guest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * The benchmark's scale figures for the helper: its memory and how fast a pulled cable shows in
 * the API with 1, 4 and 8 wired ports in the bond, and whether anything grows over many
 * switchovers (memory, heap after a full collection, threads, open files, signal latency).
 */
final class ScaleFigures {
    static final List<Integer> SIZES = List.of(1, 4, 8);

    private final Lab lab;
    private final Results r;
    private final HelperProcess helper;
    private final String prefix;

    ScaleFigures(Lab lab, Results r, HelperProcess helper, String prefix) {
        this.lab = lab;
        this.r = r;
        this.helper = helper;
        this.prefix = prefix;
    }

    /** {@code cuts} cables pulled and plugged back per size; the extra adapters are veths into the LAN. */
    void ports(int cuts) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < SIZES.get(SIZES.size() - 1); i++) {
            names.add("eth" + i);
        }
        names.stream().filter(n -> !n.equals(Topology.WIRED)).forEach(lab.net()::plugWired);
        Properties bond = BondReadings.props(lab);
        try (CarrierLog carriers = new CarrierLog(lab.systemBus());
             Topology.FastCable cable = lab.net().new FastCable()) {
            for (int size : SIZES) {
                List<String> ports = new ArrayList<>();
                names.subList(0, size).forEach(n -> ports.addAll(List.of("--port", n)));
                helper.setup(Topology.USER, ports.toArray(String[]::new));
                String p = prefix + ".ports." + size;
                Wait.until("all " + size + " ports in the bond", Duration.ofSeconds(60),
                        () -> BondReadings.ports(lab).size() == size && !BondReadings.active(bond).isEmpty());
                Wait.sleep(Duration.ofSeconds(5));
                r.put(p + ".rss_before_kb", helper.rssKb());
                List<Double> down = new ArrayList<>();
                List<Double> up = new ArrayList<>();
                for (int i = 0; i < cuts; i++) {
                    String port = BondReadings.active(bond);
                    long pulled = System.nanoTime();
                    cable.set(port, false);
                    down.add((carriers.await(port, false, pulled, Duration.ofSeconds(15)) - pulled) / 1e6);
                    Wait.sleep(Duration.ofSeconds(1));
                    long plugged = System.nanoTime();
                    cable.set(port, true);
                    up.add((carriers.await(port, true, plugged, Duration.ofSeconds(15)) - plugged) / 1e6);
                    Wait.until("a port carrying traffic again", Duration.ofSeconds(30),
                            () -> !BondReadings.active(bond).isEmpty());
                    Wait.sleep(Duration.ofSeconds(1));
                }
                BenchmarkDrill.spread(r, p + ".pulled_to_api_ms", down);
                BenchmarkDrill.spread(r, p + ".plugged_to_api_ms", up);
                r.put(p + ".rss_after_kb", helper.rssKb()).put(p + ".threads", helper.threads());
                helper.cli(Topology.USER, "disable");
            }
        } finally {
            names.stream().filter(n -> !n.equals(Topology.WIRED)).forEach(lab.net()::unplugWired);
        }
    }

    /**
     * {@code count} switchovers between the cable and the Wi-Fi, each waited for (UpDelay 0, so
     * the cable takes over as soon as the link monitor sees it): the helper's figures after the
     * first tenth and at the end, and the kernel-event-to-signal latency of the first and last
     * hundred.
     */
    void switchovers(int count, String wlan) throws Exception {
        helper.setup(Topology.USER, "--updelay", "0");
        Properties bond = BondReadings.props(lab);
        Wait.until("the bond up with the Wi-Fi standing by", Duration.ofSeconds(120),
                () -> "up".equals(BondReadings.state(bond)) && Topology.WIRED.equals(BondReadings.active(bond)));
        List<Double> latency = new ArrayList<>();
        long t0 = System.nanoTime();
        try (SwitchoverLog signals = new SwitchoverLog(lab.systemBus());
             Topology.FastCable cable = lab.net().new FastCable()) {
            int warm = Math.max(2, count / 10);
            for (int i = 0; i < count; i++) {
                if (i == warm) {
                    growth("after_" + warm);
                }
                boolean plug = i % 2 == 1;
                int since = signals.size();
                cable.set(plug);
                latency.add(signals.await(plug ? Topology.WIRED : wlan, since, Duration.ofSeconds(15)).latencyMs());
            }
        }
        r.put(prefix + ".switchovers.count", count).put(prefix + ".switchovers.warm", Math.max(2, count / 10))
                .put(prefix + ".switchovers.duration_s", (System.nanoTime() - t0) / 1_000_000_000);
        Wait.sleep(Duration.ofSeconds(5));
        growth("after_" + count);
        int hundred = Math.min(100, count / 2);
        BenchmarkDrill.spread(r, prefix + ".switchovers.first_latency_ms", latency.subList(0, hundred));
        BenchmarkDrill.spread(r, prefix + ".switchovers.last_latency_ms", latency.subList(count - hundred, count));
        r.put(prefix + ".switchovers.state_after", BondReadings.state(bond));
        helper.cli(Topology.USER, "disable");
    }

    /** The helper's memory, heap after a full collection, threads and open files, under {@code .switchovers.<when>.}. */
    private void growth(String when) throws Exception {
        String p = prefix + ".switchovers." + when;
        // jcmd may not attach to the helper under its unit's sandbox (it exited 134 there); the
        // rest of the figures do not need it.
        r.guarded(p + ".heap", () -> r.put(p + ".heap_kb", heapAfterFullGc()));
        ProcSample s = helper.sample();
        r.put(p + ".rss_kb", s.rssKb()).put(p + ".threads", s.threads()).put(p + ".fds", s.fds());
    }

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    /** Live heap: a full collection in the helper (jcmd), then the young and old generations' use added up. */
    private long heapAfterFullGc() {
        String jcmd = Path.of(lab.control().java()).resolveSibling("jcmd").toString();
        String pid = Long.toString(helper.pid());
        lab.cmd().run(jcmd, pid, "GC.run");
        Matcher m = USED.matcher(lab.cmd().run(jcmd, pid, "GC.heap_info"));
        long kb = 0;
        while (m.find()) {
            kb += Long.parseLong(m.group(1));
        }
        return kb;
    }
}
