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
    private static final Path NETWORKS = Path.of(HelperProcess.CONFIG_DIR, "wpa_supplicant.conf");
    private static final int CUTS = 10;

    @Override
    public void run(Lab lab, Results r) throws Exception {
        Cmd cmd = lab.cmd();
        String wlan = lab.net().wifiInterface(0);
        String wired = Topology.WIRED;
        NetworkManagerLaptop nm = new NetworkManagerLaptop(cmd, wlan);
        HelperProcess helper = new HelperProcess(cmd);
        try {
            nm.start(lab, r);
            r.put("nm.before", NetworkManagerLaptop.view(cmd, wired, wlan)).put("nm.eth_address_before", first(lab.net().addresses(wired, 4)));
            DesktopOnline online = new DesktopOnline(cmd, "nm-state-changed");
            r.put("online.before", online.now());
            online.watch();

            r.put("helper.start_to_name_ms", helper.start());
            helper.setup(r, Topology.USER);
            Properties bond = props(lab);
            r.put("up_ms", Wait.until("the bond up with the cable and the Wi-Fi", Duration.ofSeconds(120),
                    Duration.ofMillis(250), () -> "up".equals(state(bond))));
            r.put("nm.after_setup", NetworkManagerLaptop.view(cmd, wired, wlan));
            r.put("bond.ports", String.join(" ", new TreeSet<>(BondReadings.ports(lab))));
            r.put("bond.address_ms", Wait.until("the bond's address from DHCP", Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> !lab.net().addresses("bond0", 4).isEmpty()));
            r.put("bond.address", first(lab.net().addresses("bond0", 4)));
            // NetworkManager's word once the bond has its address: connected, as before setup.
            String[] reading = {""};
            r.put("online.setup_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> DesktopOnline.connected(reading[0] = online.now())));
            r.put("online.after_setup", reading[0]).put("online.setup_states", online.stop().toString())
                    .put("online.bond_seen", online.bondSeen()).put("online.after_check", online.afterCheck());
            online.watch();
            r.put("eth_addresses_after_setup", String.join(" ", lab.net().addresses(wired, 4)));
            r.put("wifi.ssid_under_helper", lab.wifi().currentSsid(wlan));
            String saved = BondReadings.readFile(NETWORKS.toString());
            // The network went to the helper's own file; only whether it holds a key is kept, never the key.
            r.put("wifi.saved_ssid", saved.contains("ssid=\"" + AccessPoint.LAN_WPA2.ssid() + "\""))
                    .put("wifi.saved_key", saved.contains("psk="));
            // The keys NetworkManager kept root's stay root's: mallory, a local user, tries to read them.
            keysPeeked(cmd, r, "wifi.saved_modes", "wifi.mallory_read");

            int logBefore = nmLines(lab);
            String fight = "";
            BondReadings.cycleCable(lab, bond, wlan, CUTS);
            Wait.sleep(Duration.ofSeconds(2));
            for (String line : Units.journal(lab.cmd(), NetworkManagerLaptop.UNIT).lines().skip(logBefore).toList()) {
                if (line.contains("state change") || line.contains("dhcp") || line.contains("activation")) {
                    fight += line.strip() + "\n";
                }
            }
            r.put("cuts", CUTS).put("nm.during_cuts", fight.strip()).put("nm.after_cuts", NetworkManagerLaptop.view(cmd, wired, wlan));
            r.put("eth_addresses_during", String.join(" ", lab.net().addresses(wired, 4)));
            r.put("online.after_cuts", online.now()).put("online.cut_states", online.stop().toString());

            NeighbourRestarts restarts = new NeighbourRestarts(lab, r, bond, wlan);
            r.guarded("step.nm_restart", restarts::networkManager);
            r.guarded("step.wpa_restart", restarts::wpaSupplicant);
            // After NetworkManager's own restarts (each a moment without it on the bus).
            r.put("online.after_restarts_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> DesktopOnline.connected(reading[0] = online.now())));
            r.put("online.after_restarts", reading[0]);
            resaved(lab, r, helper);
            Cmd.Result disable = helper.cli(Topology.USER, "disable");
            r.put("disable_exit", disable.exit()).put("disable_output", (disable.out() + disable.err()).strip());
            r.put("nm.eth_back_ms", Wait.until("NetworkManager to connect " + wired + " again", Duration.ofSeconds(120),
                    Duration.ofMillis(500), () -> NetworkManagerLaptop.deviceState(cmd, wired) == NetworkManagerLaptop.CONNECTED));
            r.put("nm.wifi_back_ms", Wait.until("NetworkManager to join the Wi-Fi again", Duration.ofSeconds(180),
                    Duration.ofMillis(500), () -> NetworkManagerLaptop.deviceState(cmd, wlan) == NetworkManagerLaptop.CONNECTED));
            r.put("nm.after_disable", NetworkManagerLaptop.view(cmd, wired, wlan));
            r.put("online.after_disable", online.now());
            r.put("nm.eth_address_after", first(lab.net().addresses(wired, 4)));
            r.put("bond.after_disable", cmd.tryRun("ip", "link", "show", "bond0").exit() == 0 ? "present" : "gone");
            // The office walk with NetworkManager alone, beside Bondtray's in the laptop scenario.
            r.guarded("step.nm_walk", () -> NetworkManagerWalk.run(lab, r, wlan));
        } finally {
            helper.stop();
            nm.close();
            Files.deleteIfExists(NETWORKS);
        }
    }

    /**
     * alice joins another network with {@code bondtray wifi connect}: wpa_supplicant saves the
     * file anew (SaveConfig) through a file of its own umask. The keys stay root's all the same:
     * the folder is closed, and the helper closes the file again when it sees the new state.
     */
    private static void resaved(Lab lab, Results r, HelperProcess helper) throws java.io.IOException {
        Cmd cmd = lab.cmd();
        cmd.run("usermod", "-a", "-G", "netdev", Topology.USER);
        String before = cmd.run("stat", "-c", "%i %Y", NETWORKS.toString()).strip();
        java.nio.file.Path password = WifiCliSteps.passwordFile(lab, "password-resave", AccessPoint.CAFE.passphrase());
        Cmd.Result join = helper.cliInNewLogin(Topology.USER, "wifi", "connect", AccessPoint.CAFE.ssid(),
                "--password-file", password.toString());
        r.put("wifi.resave_exit", join.exit()).put("wifi.resave_output", (join.out() + join.err()).strip())
                .put("wifi.resaved", !cmd.run("stat", "-c", "%i %Y", NETWORKS.toString()).strip().equals(before));
        keysPeeked(cmd, r, "wifi.resaved_modes", "wifi.resaved_mallory");
    }

    /**
     * The folder's and the file's modes as {@code modesKey}, and mallory, a local user, trying to
     * read the keys: {@code peekPrefix}_exit, _key (whether she saw one) and _error.
     */
    private static void keysPeeked(Cmd cmd, Results r, String modesKey, String peekPrefix) {
        r.put(modesKey, cmd.run("stat", "-c", "%a", NETWORKS.getParent().toString(), NETWORKS.toString())
                .strip().replace('\n', ' '));
        Cmd.Result peek = cmd.tryRun(Cmd.asUser(Topology.REFUSED_USER, "cat", NETWORKS.toString()));
        r.put(peekPrefix + "_exit", peek.exit()).put(peekPrefix + "_key", peek.out().contains("psk="))
                .put(peekPrefix + "_error", peek.err().strip());
    }

    private static int nmLines(Lab lab) {
        return (int) Units.journal(lab.cmd(), NetworkManagerLaptop.UNIT).lines().count();
    }

    private static String first(java.util.List<String> addresses) {
        return addresses.isEmpty() ? "" : addresses.get(0);
    }
}
