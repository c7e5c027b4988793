package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bondtray.api.BondProperties;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The services around Bondtray restart as a package upgrade restarts them, while the bond carries
 * traffic: NetworkManager three times, each followed by a cable cut, then wpa_supplicant, after
 * which the cut lands on Wi-Fi again. Nothing may drop, and neither may take the ports.
 */
final class NeighbourRestarts {
    /** NMDeviceState's unmanaged. */
    private static final int UNMANAGED = 10;
    private static final int NM_RESTARTS = 3;

    private final Lab lab;
    private final Results r;
    private final Properties bond;
    private final String wlan;

    NeighbourRestarts(Lab lab, Results r, Properties bond, String wlan) {
        this.lab = lab;
        this.r = r;
        this.bond = bond;
        this.wlan = wlan;
    }

    /**
     * {@code systemctl restart NetworkManager}, three times, a cut after each. NetworkManager's
     * first word on each port after its start is "unmanaged" (it read the helper's per-boot
     * file before it looked at a device), and its log shows no state change or activation on a
     * port. The bond it assumes as "connected (externally)": that configures nothing.
     */
    void networkManager() throws Exception {
        Cmd cmd = lab.cmd();
        int logBefore = (int) Units.journal(cmd, NetworkManagerLaptop.UNIT).lines().count();
        TrafficProbe probe = lab.probe(20);
        List<Long> answered = new ArrayList<>();
        List<String> first = new ArrayList<>();
        List<String> views = new ArrayList<>();
        try {
            for (int i = 0; i < NM_RESTARTS; i++) {
                cmd.run("systemctl", "restart", NetworkManagerLaptop.UNIT);
                // Under emulation NetworkManager takes seconds after its restart to list devices.
                int[] states = {-1, -1};
                answered.add(Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
                    states[0] = NetworkManagerLaptop.deviceState(cmd, Topology.WIRED);
                    states[1] = NetworkManagerLaptop.deviceState(cmd, wlan);
                    return states[0] != -1 && states[1] != -1;
                }));
                first.add(states[0] + "/" + states[1]);
                views.add(NetworkManagerLaptop.view(cmd, Topology.WIRED, wlan, "bond0"));
                BondReadings.cycleCable(lab, bond, wlan, 1);
            }
        } finally {
            r.putLoss("nm_restart", probe.stop());
        }
        List<String> after = Units.journal(cmd, NetworkManagerLaptop.UNIT).lines().skip(logBefore).toList();
        String ports = "device \\((" + Topology.WIRED + "|" + wlan + ")\\)";
        r.put("nm_restart.count", NM_RESTARTS).put("nm_restart.answered_ms", answered.toString())
                .put("nm_restart.first_states", String.join(" ", first))
                .put("nm_restart.first_all_unmanaged", first.stream().allMatch((UNMANAGED + "/" + UNMANAGED)::equals))
                .put("nm_restart.views", String.join(" | ", views))
                .put("nm_restart.port_changes", String.join("\n", after.stream().filter(l -> l.matches(".*" + ports + ".*")
                        && (l.contains("state change") || l.contains("Activation") || l.contains("dhcp"))).toList()))
                .put("nm_restart.bond_assumed", after.stream().filter(l -> l.contains("device (bond0): Activation: successful"))
                        .count())
                .put("nm_restart.conf", BondReadings.readFile("/run/NetworkManager/conf.d/bondtray.conf").strip()
                        .replace('\n', '|'))
                .put("nm_restart.helper_said", HelperProcess.log(cmd).lines()
                        .filter(l -> l.contains("NetworkManager is on the bus anew")).count());
    }

    /**
     * {@code systemctl restart wpa_supplicant} on the cable: it drops the Wi-Fi port; the helper
     * hands it back and the standby is ready again by itself. Then the cut lands on Wi-Fi.
     */
    void wpaSupplicant() throws Exception {
        Cmd cmd = lab.cmd();
        TrafficProbe probe = lab.probe(20);
        try {
            long t0 = System.nanoTime();
            cmd.run("systemctl", "restart", "wpa_supplicant.service");
            r.put("wpa_restart.restart_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("wpa_restart.standby_ms", Wait.untilOrTimeout(Duration.ofSeconds(90), Duration.ofMillis(100),
                    // Watched without creating the interface: the helper is the one to hand it back.
                    () -> lab.wifi().completedIfManaged(wlan)
                            && "backup".equals(BondReadings.portField(bond, wlan, BondProperties.PORT_ROLE))));
            r.put("wpa_restart.since_restart_ms", (System.nanoTime() - t0) / 1_000_000);
            helperSaid(cmd);
            r.put("wpa_restart.ssid", lab.wifi().currentSsid(wlan));
            BondReadings.cycleCable(lab, bond, wlan, 1);
        } finally {
            helperSaid(cmd);
            Units.keepJournal(cmd, HelperProcess.UNIT);
            if (!lab.wifi().completedIfManaged(wlan)) {
                // Not handed back: later steps still want the Wi-Fi on the helper's networks file.
                lab.wifi().manageWithConfig(wlan, java.nio.file.Path.of(HelperProcess.CONFIG_DIR, "wpa_supplicant.conf"));
                lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(90));
            }
            r.putLoss("wpa_restart", probe.stop());
        }
    }

    /** What the helper said of wpa_supplicant, its last eight lines. */
    private void helperSaid(Cmd cmd) {
        List<String> said = HelperProcess.log(cmd).lines().filter(l -> l.contains("wpa_supplicant"))
                .map(l -> l.replaceFirst("^.*?bondtray-helper\\[\\d+\\]: ", "")).toList();
        r.put("wpa_restart.helper_said", said.stream().filter(l -> l.contains("wpa_supplicant is back")).findFirst().orElse(""))
                .put("wpa_restart.helper_lines", String.join(" | ", said.subList(Math.max(0, said.size() - 8), said.size())));
    }
}
