package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.BondReadings.props;
import static org.bondtray.lab.guest.BondReadings.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * A laptop as Debian runs it: NetworkManager (Debian's package, with udev) has the cable and the
 * Wi-Fi connected on their own. Setup takes both over (NetworkManager lets go over its D-Bus
 * API; the Wi-Fi network and its password go with the adapter to wpa_supplicant), ten cable cuts
 * happen with NetworkManager looking on and not acting, and disable gives both back, connected
 * again by NetworkManager.
 */
final class NetworkManagerDrill implements Scenario {
    private static final String NM = "NetworkManager";
    private static final Path NETWORKS = Path.of(HelperProcess.CONFIG_DIR, "wpa_supplicant.conf");
    private static final int CUTS = 10;

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Cmd cmd = lab.cmd();
        String wlan = lab.net().wifiInterface(0);
        String wired = Topology.WIRED;
        Process udevd = null;
        Process nm = null;
        HelperProcess helper = new HelperProcess(cmd, lab.control());
        try {
            // NetworkManager learns of devices from udev; without it every device is unmanaged.
            udevd = Udev.start(cmd);
            // As on a laptop, NetworkManager is the one that hands the Wi-Fi adapter to wpa_supplicant.
            lab.wifi().release(wlan);
            nm = cmd.start(NM, NM, "--debug", "--log-level=INFO");
            r.put("nm.eth_connected_ms", Wait.until("NetworkManager to connect " + wired, Duration.ofSeconds(120),
                    Duration.ofMillis(500), () -> deviceState(cmd, wired) == 100));
            long t0 = System.nanoTime();
            Wait.until("NetworkManager to join " + AccessPoint.LAN_WPA2.ssid(), Duration.ofSeconds(180), Duration.ofSeconds(3),
                    () -> {
                        cmd.tryRun("nmcli", "device", "wifi", "rescan", "ifname", wlan);
                        return cmd.tryRun("nmcli", "--wait", "60", "device", "wifi", "connect", AccessPoint.LAN_WPA2.ssid(),
                                "password", AccessPoint.LAN_WPA2.passphrase(), "ifname", wlan).exit() == 0;
                    });
            r.put("nm.wifi_connected_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("nm.before", nmView(cmd, wired, wlan)).put("nm.eth_address_before", first(lab.net().addresses(wired, 4)));

            r.put("helper.start_to_name_ms", helper.start());
            helper.setup(r, Topology.USER);
            Properties bond = props(lab);
            r.put("up_ms", Wait.until("the bond up with the cable and the Wi-Fi", Duration.ofSeconds(120),
                    Duration.ofMillis(250), () -> "up".equals(state(bond))));
            r.put("nm.after_setup", nmView(cmd, wired, wlan));
            r.put("bond.ports", String.join(" ", new TreeSet<>(BondReadings.ports(lab))));
            r.put("bond.address_ms", Wait.until("the bond's address from DHCP", Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> !lab.net().addresses("bond0", 4).isEmpty()));
            r.put("bond.address", first(lab.net().addresses("bond0", 4)));
            r.put("eth_addresses_after_setup", String.join(" ", lab.net().addresses(wired, 4)));
            r.put("wifi.ssid_under_helper", lab.wifi().currentSsid(wlan));
            String saved = BondReadings.readFile(NETWORKS.toString());
            // The network went to the helper's own file; only whether it holds a key is kept, never the key.
            r.put("wifi.saved_ssid", saved.contains("ssid=\"" + AccessPoint.LAN_WPA2.ssid() + "\""))
                    .put("wifi.saved_key", saved.contains("psk="));

            int logBefore = nmLines(lab);
            String fight = "";
            BondReadings.cycleCable(lab, bond, wlan, CUTS);
            Wait.sleep(Duration.ofSeconds(2));
            for (String line : BondReadings.log(lab, NM).lines().skip(logBefore).toList()) {
                if (line.contains("state change") || line.contains("dhcp") || line.contains("activation")) {
                    fight += line.strip() + "\n";
                }
            }
            r.put("cuts", CUTS).put("nm.during_cuts", fight.strip()).put("nm.after_cuts", nmView(cmd, wired, wlan));
            r.put("eth_addresses_during", String.join(" ", lab.net().addresses(wired, 4)));

            Cmd.Result disable = helper.cli(Topology.USER, "disable");
            r.put("disable_exit", disable.exit()).put("disable_output", (disable.out() + disable.err()).strip());
            r.put("nm.eth_back_ms", Wait.until("NetworkManager to connect " + wired + " again", Duration.ofSeconds(120),
                    Duration.ofMillis(500), () -> deviceState(cmd, wired) == 100));
            r.put("nm.wifi_back_ms", Wait.until("NetworkManager to join the Wi-Fi again", Duration.ofSeconds(180),
                    Duration.ofMillis(500), () -> deviceState(cmd, wlan) == 100));
            r.put("nm.after_disable", nmView(cmd, wired, wlan));
            r.put("nm.eth_address_after", first(lab.net().addresses(wired, 4)));
            r.put("bond.after_disable", cmd.tryRun("ip", "link", "show", "bond0").exit() == 0 ? "present" : "gone");
        } finally {
            helper.stop();
            Cmd.stop(nm, Duration.ofSeconds(10));
            Cmd.stop(udevd, Duration.ofSeconds(5));
            // NetworkManager leaves its addresses on the way out; the next scenario wants plain ports.
            cmd.tryRun("ip", "addr", "flush", "dev", wired);
            cmd.tryRun("ip", "addr", "flush", "dev", wlan);
            Files.deleteIfExists(NETWORKS);
        }
    }

    /** NMDeviceState of a device, or -1 if NetworkManager does not answer. */
    private static int deviceState(Cmd cmd, String device) {
        String out = cmd.tryRun("nmcli", "-g", "GENERAL.STATE", "device", "show", device).out().strip();
        int space = out.indexOf(' ');
        try {
            return Integer.parseInt(space > 0 ? out.substring(0, space) : out);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "eth0 connected, wlan0 unmanaged" as nmcli sees it. */
    private static String nmView(Cmd cmd, String... devices) {
        StringBuilder s = new StringBuilder();
        for (String d : devices) {
            String out = cmd.tryRun("nmcli", "-g", "GENERAL.STATE", "device", "show", d).out().strip();
            s.append(s.isEmpty() ? "" : ", ").append(d).append(' ').append(out.replaceAll("^\\d+ \\((.*)\\)$", "$1"));
        }
        return s.toString();
    }

    private static int nmLines(Lab lab) {
        return (int) BondReadings.log(lab, NM).lines().count();
    }

    private static String first(java.util.List<String> addresses) {
        return addresses.isEmpty() ? "" : addresses.get(0);
    }
}
