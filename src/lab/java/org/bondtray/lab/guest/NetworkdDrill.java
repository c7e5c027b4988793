package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.BondReadings.props;
import static org.bondtray.lab.guest.BondReadings.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * A machine whose cable systemd-networkd configures (Debian's systemd-networkd as its unit, with udev), as on many
 * headless and minimal installs: setup has networkd leave the cable alone through a runtime
 * .network file and a reload, the bond fails over with networkd looking on, and disable hands
 * the cable back, configured by networkd again.
 */
final class NetworkdDrill implements Scenario {
    static final String UNIT = "systemd-networkd.service";
    private static final Path CONFIG = Path.of("/etc/systemd/network/20-bondtray-lab-wired.network");
    private static final Path RUNTIME = Path.of("/run/systemd/network");
    private static final String STATE_DIR = "/run/systemd/netif";
    private static final int CUTS = 3;

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Cmd cmd = lab.cmd();
        String wlan = lab.net().wifiInterface(0);
        String wired = Topology.WIRED;
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        HelperProcess helper = new HelperProcess(cmd);
        try {
            Files.createDirectories(CONFIG.getParent());
            Files.writeString(CONFIG, "[Match]\nName=" + wired + "\n\n[Network]\nDHCP=ipv4\n");
            Udev.settle(cmd);
            Units.start(cmd, UNIT);
            BooleanSupplier configured = () -> setup(cmd, wired).equals("configured") && !lab.net().addresses(wired, 4).isEmpty();
            r.put("networkd.configured_ms", Wait.until("systemd-networkd to configure " + wired, Duration.ofSeconds(120),
                    Duration.ofMillis(250), configured));
            r.put("networkd.before", configuredView(cmd, configured, wired, wlan));
            r.put("eth_address_before", String.join(" ", lab.net().addresses(wired, 4)));

            r.put("helper.start_to_name_ms", helper.start());
            helper.setup(r, Topology.USER);
            Properties bond = props(lab);
            r.put("up_ms", Wait.until("the bond up with the cable and the Wi-Fi", Duration.ofSeconds(120),
                    Duration.ofMillis(250), () -> "up".equals(state(bond))));
            r.put("networkd.after_setup", view(cmd, wired, wlan, PlainBond.NAME));
            r.put("runtime_files", String.join(" ", files()));
            r.put("bond.ports", String.join(" ", new TreeSet<>(BondReadings.ports(lab))));
            r.put("bond.address_ms", Wait.until("the bond's address from DHCP", Duration.ofSeconds(90),
                    Duration.ofMillis(250), () -> !lab.net().addresses(PlainBond.NAME, 4).isEmpty()));
            BondReadings.cycleCable(lab, bond, wlan, CUTS);
            r.put("cuts", CUTS).put("networkd.after_cuts", view(cmd, wired, wlan, PlainBond.NAME));
            r.put("eth_addresses_during", String.join(" ", lab.net().addresses(wired, 4)));

            Cmd.Result disable = helper.cli(Topology.USER, "disable");
            r.put("disable_exit", disable.exit()).put("disable_output", (disable.out() + disable.err()).strip());
            r.put("networkd.back_ms", Wait.until("systemd-networkd to configure " + wired + " again",
                    Duration.ofSeconds(120), Duration.ofMillis(250), configured));
            // The port settles as it was handed back (its own MAC again): networkd may go over it once more.
            Wait.sleep(Duration.ofSeconds(3));
            r.put("networkd.after_disable", configuredView(cmd, configured, wired, wlan));
            r.put("runtime_files_after", String.join(" ", files()));
        } finally {
            helper.stop();
            Units.stop(cmd, UNIT);
            cmd.tryRun("systemctl", "stop", "systemd-networkd.socket");
            Files.deleteIfExists(CONFIG);
            cmd.tryRun("rm", "-rf", RUNTIME.toString(), STATE_DIR);
            // networkd leaves its lease's address on the way out; the next scenario wants a plain port.
            cmd.tryRun("ip", "addr", "flush", "dev", wired);
        }
    }

    /**
     * networkctl's view once networkd has {@code wired} configured for good: it goes back to
     * "configuring" for a moment when more of the network arrives (an RA, the port's own MAC
     * again), so the view is taken when it says "configured" itself.
     */
    private static String configuredView(Cmd cmd, BooleanSupplier configured, String wired, String... others) {
        String[] links = java.util.stream.Stream.concat(java.util.stream.Stream.of(wired), java.util.Arrays.stream(others))
                .toArray(String[]::new);
        String[] seen = {""};
        Wait.until("systemd-networkd to have " + wired + " configured for good", Duration.ofSeconds(120),
                Duration.ofMillis(250), () -> {
                    if (!configured.getAsBoolean()) {
                        return false;
                    }
                    seen[0] = view(cmd, links);
                    return seen[0].startsWith(wired + " configured");
                });
        return seen[0];
    }

    /** networkctl's SETUP column for {@code link}: configured, unmanaged, configuring, ... */
    private static String setup(Cmd cmd, String link) {
        for (String line : cmd.tryRun("networkctl", "list", "--no-legend", "--no-pager").out().lines().toList()) {
            List<String> cols = List.of(line.strip().split("\\s+"));
            if (cols.size() >= 5 && cols.get(1).equals(link)) {
                return cols.get(4);
            }
        }
        return "";
    }

    /** "eth0 configured, wlan0 unmanaged" as networkctl sees it. */
    private static String view(Cmd cmd, String... links) {
        StringBuilder s = new StringBuilder();
        for (String l : links) {
            s.append(s.isEmpty() ? "" : ", ").append(l).append(' ').append(setup(cmd, l));
        }
        return s.toString();
    }

    private static List<String> files() throws java.io.IOException {
        if (!Files.isDirectory(RUNTIME)) {
            return List.of();
        }
        try (var list = Files.list(RUNTIME)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
