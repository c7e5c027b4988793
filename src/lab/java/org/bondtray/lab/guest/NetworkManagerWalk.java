package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.List;

/**
 * The office walk as NetworkManager does it on its own, for the comparison with Bondtray's in the
 * same run (OfficeWalk, in the laptop scenario): the cable on the LAN and the Wi-Fi on the café,
 * each with its own address, then the cable pulled and plugged in again. NetworkManager holds the
 * café's address before the cable goes, so what is measured is how long new connections still
 * leave through the dead cable: until the route to the outside world (a TEST-NET address, which
 * only a default route reaches) goes through the Wi-Fi from its café address. Connections over
 * the cable are lost either way; neither tool can keep them on another network.
 */
final class NetworkManagerWalk {
    /** An address outside both networks: only a default route reaches it. */
    private static final String OUTSIDE = "198.51.100.1";
    /** The same for IPv6 (the documentation prefix). */
    private static final String OUTSIDE6 = "2001:db8::1";

    private NetworkManagerWalk() {
    }

    /** NetworkManager is running with both devices connected; results under {@code nm.walk.}. */
    static void run(Lab lab, Results r, String wlan) {
        Cmd cmd = lab.cmd();
        try {
            Wait.until("NetworkManager to join " + AccessPoint.CAFE.ssid(), Duration.ofSeconds(60), Duration.ofSeconds(3),
                    () -> {
                        cmd.tryRun("nmcli", "device", "wifi", "rescan", "ifname", wlan);
                        return cmd.tryRun("nmcli", "--wait", "30", "device", "wifi", "connect", AccessPoint.CAFE.ssid(),
                                "password", AccessPoint.CAFE.passphrase(), "ifname", wlan).exit() == 0;
                    });
            Wait.until("the café's address on " + wlan, Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> lab.net().addresses(wlan, 4).stream().anyMatch(a -> a.startsWith("192.168.60.")));
            r.put("nm.walk.before", route(cmd));
            long t0 = System.nanoTime();
            lab.net().cutCable();
            r.put("nm.walk.cafe_route_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> route(cmd).startsWith(wlan + " 192.168.60.")));
            r.put("nm.walk.cut_to_route_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("nm.walk.on_wifi", route(cmd));
            r.put("nm.walk.cafe_route6_ms", Wait.sinceOrTimeout(t0, Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> route(cmd, OUTSIDE6).startsWith(wlan + " fd00:60:")));
            r.put("nm.walk.on_wifi6", route(cmd, OUTSIDE6));
            long t1 = System.nanoTime();
            lab.net().restoreCable();
            r.put("nm.walk.lan_route_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> route(cmd).startsWith(Topology.WIRED + " 192.168.50.")));
            r.put("nm.walk.back_ms", (System.nanoTime() - t1) / 1_000_000);
            r.put("nm.walk.back", route(cmd));
            r.put("nm.walk.lan_route6_ms", Wait.sinceOrTimeout(t1, Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> route(cmd, OUTSIDE6).startsWith(Topology.WIRED + " fd00:50:")));
            r.put("nm.walk.back6", route(cmd, OUTSIDE6));
        } finally {
            lab.net().restoreCable();
            cmd.tryRun("nmcli", "connection", "delete", "id", AccessPoint.CAFE.ssid());
        }
    }

    /** "DEVICE SOURCE" of the route new connections to the outside would take ("" if none). */
    private static String route(Cmd cmd) {
        return route(cmd, OUTSIDE);
    }

    /** "DEVICE SOURCE" of the route new connections to {@code outside} would take ("" if none). */
    private static String route(Cmd cmd, String outside) {
        List<String> words = List.of(cmd.tryRun("ip", outside.contains(":") ? "-6" : "-4", "route", "get", outside).out()
                .strip().split("\\s+"));
        int dev = words.indexOf("dev");
        int src = words.indexOf("src");
        return dev >= 0 && src >= 0 && dev + 1 < words.size() && src + 1 < words.size()
                ? words.get(dev + 1) + " " + words.get(src + 1) : "";
    }
}
