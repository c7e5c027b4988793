package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Proves the hands that later scenarios rely on: each one is used and its effect seen from the
 * laptop's side, the way the product will see it (sysfs, wpa_supplicant's state, the system bus).
 */
final class LabHands implements Scenario {
    @Override
    public void run(Lab lab, Results r) throws Exception {
        Topology net = lab.net();
        String wlan = net.wifiInterface(0);

        // An access point taken away and brought back.
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        net.stopAp(AccessPoint.LAN_WPA2);
        r.put("ap_away.left_completed_ms", Wait.until("wpa_supplicant to notice the AP is gone",
                Duration.ofSeconds(60), () -> !lab.wifi().completed(wlan)));
        net.startAp(AccessPoint.LAN_WPA2);
        r.put("ap_back.completed_ms", lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(90)));

        // rfkill on the laptop's radio.
        net.rfkill(0, true);
        r.put("rfkill.soft_after_block", rfkillSoft(net, 0));
        r.put("rfkill.left_completed_ms", Wait.until("wpa_supplicant to drop the blocked radio",
                Duration.ofSeconds(30), () -> !lab.wifi().completed(wlan)));
        net.rfkill(0, false);
        r.put("rfkill.soft_after_unblock", rfkillSoft(net, 0));
        r.put("rfkill.completed_again_ms", lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(90)));

        // The WPA3-SAE access point takes the laptop too (SAE, management frame protection).
        r.put("wpa3.associate_ms", lab.wifi().connect(wlan, AccessPoint.LAN_WPA3));

        // A wired adapter plugged in and out.
        net.plugWired("eth1");
        lab.cmd().run("ip", "link", "set", "eth1", "up");
        r.put("plug_wired.carrier_ms", Wait.until("eth1 to have carrier", Duration.ofSeconds(10),
                () -> "1".equals(sysfs("/sys/class/net/eth1/carrier"))));
        net.unplugWired("eth1");
        r.put("unplug_wired.gone", !Files.exists(Path.of("/sys/class/net/eth1")));

        // The spare Wi-Fi adapter plugged in from the shelf and back out.
        int before = radiosHere();
        net.plugRadio(4);
        r.put("plug_radio.radios", radiosHere() - before);
        r.put("plug_radio.interface", net.wifiInterface(4));
        net.unplugRadio(4);
        r.put("unplug_radio.radios", radiosHere() - before);

        // The unprivileged desktop user reaches the system bus as themself.
        r.put("user.uid", lab.cmd().run("runuser", "-u", Topology.USER, "--", "id", "-u").strip());
        r.put("user.bus_call", lab.cmd().tryRun("runuser", "-u", Topology.USER, "--", "busctl", "--system",
                "call", "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "GetId").exit() == 0);
    }

    private static String rfkillSoft(Topology net, int radio) throws IOException {
        return sysfs(net.rfkillPath(radio).resolve("soft").toString());
    }

    private static int radiosHere() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/sys/class/ieee80211"))) {
            return (int) s.count();
        }
    }

    private static String sysfs(String path) {
        try {
            return Files.readString(Path.of(path)).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
