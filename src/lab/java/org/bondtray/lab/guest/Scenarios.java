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

    /**
     * The helper end to end through D-Bus: setup, cuts, switching, crash, bad input, disable. A
     * set of scenarios on one helper; naming the set runs them all.
     */
    public static final String HELPER = "helper";
    public static final String HELPER_SETUP = "helper-setup";
    public static final String HELPER_SAME_NETWORK = "helper-same-network";
    public static final String HELPER_CUTS = "helper-cuts";
    public static final String HELPER_SLOW_AIR = "helper-slow-air";
    public static final String HELPER_TRAY = "helper-tray";
    public static final String HELPER_SWITCHING = "helper-switching";
    public static final String HELPER_READINESS = "helper-readiness";
    public static final String HELPER_CRASH = "helper-crash";
    public static final String HELPER_BAD_INPUT = "helper-bad-input";
    public static final String HELPER_HOSTILE_DOMAIN = "helper-hostile-domain";
    public static final String HELPER_RFKILL = "helper-rfkill";
    public static final String HELPER_STATIC = "helper-static";
    public static final String HELPER_ROUTES = "helper-routes";
    public static final String HELPER_ROLLBACK = "helper-rollback";
    public static final String HELPER_VERDICT = "helper-verdict";
    public static final String HELPER_HOTPLUG = "helper-hotplug";
    public static final String HELPER_FLAPPING = "helper-flapping";
    public static final String HELPER_DISABLE = "helper-disable";
    public static final String HELPER_WIFI_CLI = "helper-wifi-cli";
    public static final String HELPER_WINDOWS = "helper-windows";
    public static final String HELPER_TWO_WIFI = "helper-two-wifi";

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
        HelperDrill.register(all);
        all.put(LAPTOP, new LaptopDrill());
        all.put(NETWORK_MANAGER, new NetworkManagerDrill());
        all.put(RESOLVED, new ResolvedDrill());
        all.put(NETWORKD, new NetworkdDrill());
        // Last: it ends with the package removed, and none after it has to install it again.
        all.put(PACKAGE, new PackageDrill());
        all.put(DEMO, new DemoDrill());
        all.put(BENCHMARK, new BenchmarkDrill(BenchmarkDrill.FULL));
        all.put(BENCHMARK_QUICK, new BenchmarkDrill(BenchmarkDrill.QUICK));
        return all;
    }

    /** Whether a run that names {@code named} runs this scenario: by its own name, or its set's. */
    static boolean named(java.util.Collection<String> named, String name, Scenario scenario) {
        return named.contains(name)
                || scenario instanceof HelperLaptop.Staged s && named.contains(s.laptop().name);
    }

    /**
     * What a scenario shares with the ones around it: the lab resets only between scenarios that
     * share nothing.
     */
    static Object stage(Scenario scenario) {
        return scenario instanceof HelperLaptop.Staged s ? s.laptop() : scenario;
    }

    private Scenarios() {
    }
}
