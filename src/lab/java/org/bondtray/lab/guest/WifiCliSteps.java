package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bondtray wifi} as the desktop user, on the laptop's Wi-Fi given back by disable: first
 * without the bus policy's blessing (told exactly what to change), then as a member of netdev:
 * list, a wrong password, WPA2 and WPA3 joins, forget, and back to the LAN's network.
 */
final class WifiCliSteps {
    private final Lab lab;
    private final HelperProcess helper;
    private final String wlan;

    WifiCliSteps(HelperLaptop laptop) {
        this.lab = laptop.lab();
        this.helper = laptop.helper();
        this.wlan = laptop.wlan();
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

    HelperFigures.WifiCli run() throws Exception {
        Cmd.Result refused = helper.cli(Topology.USER, "wifi", "list");
        lab.cmd().run("usermod", "-a", "-G", "netdev", Topology.USER);

        Cmd.Result list = helper.cliInNewLogin(Topology.USER, "wifi", "list", "--json");
        String listText = helper.cliInNewLogin(Topology.USER, "wifi", "list", "--cached").out().strip().replace('\n', '|');

        Path wrong = passwordFile("wrong", "not-the-passphrase");
        long t0 = System.nanoTime();
        Cmd.Result bad = helper.cliInNewLogin(Topology.USER, "wifi", "connect", AccessPoint.CAFE.ssid(), "--password-file",
                wrong.toString());
        long wrongMs = (System.nanoTime() - t0) / 1_000_000;

        // wpa_supplicant forgets what it saw (as after its restart): the café's join must scan
        // for it, not say it is not in range.
        lab.cmd().run("busctl", "--system", "call", WPA, lab.wifi().interfacePath(wlan).getPath(), WPA + ".Interface",
                "FlushBSS", "u", "0");
        List<HelperFigures.Join> joins = new ArrayList<>();
        for (AccessPoint ap : new AccessPoint[] {AccessPoint.CAFE, AccessPoint.LAN_WPA3, AccessPoint.LAN_WPA2}) {
            Path good = passwordFile("password-" + ap.ssid(), ap.passphrase());
            long t1 = System.nanoTime();
            Cmd.Result joined = helper.cliInNewLogin(Topology.USER, "wifi", "connect", ap.ssid(), "--password-file", good.toString());
            long ms = (System.nanoTime() - t1) / 1_000_000;
            joins.add(new HelperFigures.Join(ap.ssid(), HelperFigures.Said.of(joined), ms, lab.wifi().currentSsid(wlan),
                    (joined.out() + joined.err()).contains(ap.passphrase())));
        }
        Cmd.Result forget = helper.cliInNewLogin(Topology.USER, "wifi", "forget", AccessPoint.CAFE.ssid());
        Cmd.Result again = helper.cliInNewLogin(Topology.USER, "wifi", "forget", AccessPoint.CAFE.ssid());
        long backOnLan = lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60));

        return new HelperFigures.WifiCli(HelperFigures.Said.err(refused), list.exit(),
                list.out().strip(), listText, HelperFigures.Said.err(bad), wrongMs, joins,
                HelperFigures.Said.of(forget), again.exit(), backOnLan, otherDistribution());
    }

    /**
     * A distribution whose wpa_supplicant admits only root, with the package's example policy
     * for netdev installed as the install script says: alice lists networks, but creating an
     * interface (which takes engine and module paths, loaded as root) or setting a property is
     * refused.
     */
    private HelperFigures.ExamplePolicy otherDistribution() throws IOException {
        Path debian = Path.of("/etc/dbus-1/system.d/wpa_supplicant.conf");
        Path ours = Path.of("/etc/dbus-1/system.d", POLICY.getFileName().toString());
        String kept = Files.readString(debian);
        try {
            Files.writeString(debian, kept.replaceAll("(?s)<policy group=\"netdev\">.*?</policy>", ""));
            Files.copy(POLICY, ours);
            reloadBusConfig();
            Cmd.Result list = helper.cliInNewLogin(Topology.USER, "wifi", "list");
            String listed = (list.out() + list.err()).strip().replace('\n', '|');
            Cmd.Result create = lab.cmd().tryRun(Cmd.asUser(Topology.USER, "busctl", "--system", "call", WPA, WPA_PATH, WPA,
                    "CreateInterface", "a{sv}", "2", "Ifname", "s", "lo", "ConfigFile", "s", "/dev/null"));

            Cmd.Result set = lab.cmd().tryRun(Cmd.asUser(Topology.USER, "busctl", "--system", "set-property", WPA, WPA_PATH,
                    WPA, "DebugLevel", "s", "excessive"));
            return new HelperFigures.ExamplePolicy(list.exit(), listed, (create.out() + create.err()).strip(),
                    (set.out() + set.err()).strip());
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
