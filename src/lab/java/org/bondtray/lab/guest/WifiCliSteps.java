package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bondtray wifi} as the desktop user, on the laptop's Wi-Fi given back by disable: first
 * without the bus policy's blessing (told exactly what to change), then as a member of netdev:
 * list, a wrong password, WPA2 and WPA3 joins, forget, and back to the LAN's network.
 */
final class WifiCliSteps {
    private final Lab lab;
    private final Results r;
    private final HelperProcess helper;

    WifiCliSteps(Lab lab, Results r, HelperProcess helper) {
        this.lab = lab;
        this.r = r;
        this.helper = helper;
    }

    private Path passwordFile(String name, String password) throws IOException {
        return passwordFile(lab, name, password);
    }

    /** A file in alice's home that only she may read, holding {@code password}: for --password-file. */
    static Path passwordFile(Lab lab, String name, String password) throws IOException {
        Path f = Path.of("/home", Topology.USER, name);
        Files.writeString(f, password + "\n");
        lab.cmd().run("chown", Topology.USER, f.toString());
        lab.cmd().run("chmod", "600", f.toString());
        return f;
    }

    void run(String wlan) throws Exception {
        Cmd.Result refused = helper.cli(Topology.USER, "wifi", "list");
        r.put("wifi_cli.without_netdev.exit", refused.exit()).put("wifi_cli.without_netdev.err", refused.err().strip());
        lab.cmd().run("usermod", "-a", "-G", "netdev", Topology.USER);

        Cmd.Result list = helper.cliInNewLogin(Topology.USER, "wifi", "list", "--json");
        r.put("wifi_cli.list.exit", list.exit()).put("wifi_cli.list.json", list.out().strip());
        r.put("wifi_cli.list.text", helper.cliInNewLogin(Topology.USER, "wifi", "list", "--cached").out().strip().replace('\n', '|'));

        Path wrong = passwordFile("wrong", "not-the-passphrase");
        long t0 = System.nanoTime();
        Cmd.Result bad = helper.cliInNewLogin(Topology.USER, "wifi", "connect", AccessPoint.CAFE.ssid(), "--password-file",
                wrong.toString());
        r.put("wifi_cli.wrong.exit", bad.exit()).put("wifi_cli.wrong.err", bad.err().strip())
                .put("wifi_cli.wrong.ms", (System.nanoTime() - t0) / 1_000_000);

        for (AccessPoint ap : new AccessPoint[] {AccessPoint.CAFE, AccessPoint.LAN_WPA3, AccessPoint.LAN_WPA2}) {
            String key = "wifi_cli.join." + ap.ssid();
            Path good = passwordFile("password-" + ap.ssid(), ap.passphrase());
            long t1 = System.nanoTime();
            Cmd.Result joined = helper.cliInNewLogin(Topology.USER, "wifi", "connect", ap.ssid(), "--password-file", good.toString());
            r.put(key + ".exit", joined.exit()).put(key + ".out", (joined.out() + joined.err()).strip())
                    .put(key + ".ms", (System.nanoTime() - t1) / 1_000_000)
                    .put(key + ".ssid_now", lab.wifi().currentSsid(wlan))
                    .put(key + ".leaks_password", (joined.out() + joined.err()).contains(ap.passphrase()));
        }
        Cmd.Result forget = helper.cliInNewLogin(Topology.USER, "wifi", "forget", AccessPoint.CAFE.ssid());
        r.put("wifi_cli.forget.exit", forget.exit()).put("wifi_cli.forget.out", (forget.out() + forget.err()).strip());
        Cmd.Result again = helper.cliInNewLogin(Topology.USER, "wifi", "forget", AccessPoint.CAFE.ssid());
        r.put("wifi_cli.forget_again.exit", again.exit());
        r.put("wifi_cli.back_on_lan_ms", lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60)));
        otherDistribution();
    }

    /**
     * A distribution whose wpa_supplicant admits only root, with the package's example policy
     * for netdev installed as the install script says: alice lists networks, but creating an
     * interface (which takes engine and module paths, loaded as root) or setting a property is
     * refused.
     */
    private void otherDistribution() throws IOException {
        Path debian = Path.of("/etc/dbus-1/system.d/wpa_supplicant.conf");
        Path ours = Path.of("/etc/dbus-1/system.d", POLICY.getFileName().toString());
        String kept = Files.readString(debian);
        try {
            Files.writeString(debian, kept.replaceAll("(?s)<policy group=\"netdev\">.*?</policy>", ""));
            Files.copy(POLICY, ours);
            reloadBusConfig();
            Cmd.Result list = helper.cliInNewLogin(Topology.USER, "wifi", "list");
            r.put("wifi_cli.example_policy.list_exit", list.exit())
                    .put("wifi_cli.example_policy.list", (list.out() + list.err()).strip().replace('\n', '|'));
            Cmd.Result create = lab.cmd().tryRun(Cmd.asUser(Topology.USER, "busctl", "--system", "call", WPA, WPA_PATH, WPA,
                    "CreateInterface", "a{sv}", "2", "Ifname", "s", "lo", "ConfigFile", "s", "/dev/null"));
            r.put("wifi_cli.example_policy.create_interface", (create.out() + create.err()).strip());
            Cmd.Result set = lab.cmd().tryRun(Cmd.asUser(Topology.USER, "busctl", "--system", "set-property", WPA, WPA_PATH,
                    WPA, "DebugLevel", "s", "excessive"));
            r.put("wifi_cli.example_policy.set_property", (set.out() + set.err()).strip());
        } finally {
            Files.writeString(debian, kept);
            Files.deleteIfExists(ours);
            reloadBusConfig();
        }
    }

    private static final Path POLICY = Path.of("/usr/share/doc/bondtray/examples/org.bondtray.wpa-supplicant-users.conf");
    private static final String WPA = "fi.w1.wpa_supplicant1";
    private static final String WPA_PATH = "/fi/w1/wpa_supplicant1";

    private void reloadBusConfig() {
        lab.cmd().run("busctl", "--system", "call", "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "ReloadConfig");
    }
}
