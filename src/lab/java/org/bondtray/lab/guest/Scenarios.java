package org.bondtray.lab.guest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every scenario of the lab by name, in the order one VM boot runs them. The host's test cases
 * name their scenario through these constants, so both sides spell it once.
 */
public final class Scenarios {
    /** Cable cut and restored while Wi-Fi is on the wire's own network (bridged WPA2 AP). */
    public static final String FAILOVER_BRIDGED = "failover-bridged-wifi";
    /** Cable cut while Wi-Fi is on another network: nothing may reach the LAN. */
    public static final String CUT_ON_OTHER_NETWORK = "cut-on-other-network";

    /** Each hand of the lab (AP away, rfkill, plug and unplug adapters, the desktop user) works. */
    public static final String LAB_HANDS = "lab-hands";

    /** The helper end to end through D-Bus: setup, cuts, switching, crash, bad input, disable. */
    public static final String HELPER = "helper";

    /** The installed package on a laptop: unit, sandbox, activation, a logged-in user, polkit's own answers, the journal. */
    public static final String LAPTOP = "laptop";

    /** The build's .deb and tarball installed, used through D-Bus activation, and removed. */
    public static final String PACKAGE = "package";

    /** NetworkManager has the cable and the Wi-Fi; setup takes them over, disable gives them back. */
    public static final String NETWORK_MANAGER = "networkmanager";

    /** systemd-networkd configures the cable; setup has it let go, disable gives it back. */
    public static final String NETWORKD = "networkd";

    /** systemd-resolved runs; the helper hands it the bond's name servers over D-Bus. */
    public static final String RESOLVED = "resolved";

    /** The README's demo, told live; runs only when asked for by name (the demo command does). */
    public static final String DEMO = "demo";
    /** Where the demo's timeline and screenshots go, under the results folder. */
    public static final String DEMO_FOLDER = DemoDrill.FOLDER;
    public static final String DEMO_TIMELINE = DemoDrill.TIMELINE;

    /** Bondtray, NetworkManager and the wiki recipe under the same 20 cuts and restores (the benchmark command). */
    public static final String BENCHMARK = "benchmark";
    /** The same with 2 of each: to try the benchmark out in a few minutes. */
    public static final String BENCHMARK_QUICK = "benchmark-quick";
    public static final java.util.List<String> CONTENDERS = BenchmarkDrill.CONTENDERS;

    /** Scenarios a run includes only when it names them: not tests, and not in every VM boot. */
    static final java.util.Set<String> ON_REQUEST = java.util.Set.of(DEMO, BENCHMARK, BENCHMARK_QUICK);

    static Map<String, Scenario> all() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put(LAB_HANDS, new LabHands());
        all.put(FAILOVER_BRIDGED, new CableDrill(AccessPoint.LAN_WPA2));
        all.put(CUT_ON_OTHER_NETWORK, new CableDrill(AccessPoint.CAFE));
        all.put(HELPER, new HelperDrill());
        all.put(LAPTOP, new LaptopDrill());
        all.put(PACKAGE, new PackageDrill());
        all.put(NETWORK_MANAGER, new NetworkManagerDrill());
        all.put(RESOLVED, new ResolvedDrill());
        all.put(NETWORKD, new NetworkdDrill());
        all.put(DEMO, new DemoDrill());
        all.put(BENCHMARK, new BenchmarkDrill(BenchmarkDrill.FULL));
        all.put(BENCHMARK_QUICK, new BenchmarkDrill(BenchmarkDrill.QUICK));
        return all;
    }

    private Scenarios() {
    }
}
