package org.bondtray.lab.guest;

import java.time.Duration;

/**
 * The roam: the cable out, the bond on the LAN's Wi-Fi, and the café's network known too. The
 * LAN's access point goes away; wpa_supplicant joins the café with no switchover in the bond
 * (the Wi-Fi port stays the active one). The bond must get the café's address and reach its
 * router; then, with the LAN's access point and the cable back, the LAN's again.
 */
final class WifiRoam {
    private final Lab lab;
    private final Results r;
    private final String wlan;

    WifiRoam(Lab lab, Results r, String wlan) {
        this.lab = lab;
        this.r = r;
        this.wlan = wlan;
    }

    void run() throws Exception {
        Cmd cmd = lab.cmd();
        lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        lab.wifi().know(wlan, AccessPoint.CAFE);
        try {
            lab.net().cutCable();
            r.put("roam.on_wifi_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> OfficeWalk.answers(cmd, Topology.ROUTER)));
            r.put("roam.address_before", String.join(" ", lab.net().addresses("bond0", 4)));
            long said = HelperProcess.log(cmd).lines().count();
            long t0 = System.nanoTime();
            lab.net().stopAp(AccessPoint.LAN_WPA2);
            r.put("roam.joined_cafe_ms", Wait.untilOrTimeout(Duration.ofSeconds(120), Duration.ofMillis(100),
                    () -> AccessPoint.CAFE.ssid().equals(lab.wifi().currentSsid(wlan))));
            r.put("roam.cafe_router_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> OfficeWalk.onNetwork(lab, Topology.CAFE_ROUTER, "192.168.60.")));
            r.put("roam.ap_gone_to_answer_ms", (System.nanoTime() - t0) / 1_000_000);
            r.put("roam.address_after", String.join(" ", lab.net().addresses("bond0", 4)));
            // IPv6 follows the roam too: the café's, which the old dhcpcd may have had before it stopped, stays.
            r.put("roam.cafe_router6_ms", Wait.untilOrTimeout(Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> OfficeWalk.onNetwork6(lab, Topology.CAFE_ROUTER6, "fd00:60:")));
            r.put("roam.address6_after", String.join(" ", lab.net().addresses("bond0", 6)));
            r.put("roam.helper_took", String.join(" | ", HelperProcess.log(cmd).lines().skip(said)
                    .filter(l -> l.contains("an address of the network")).toList()));
            r.put("roam.helper_said", HelperProcess.log(cmd).lines()
                    .filter(l -> l.contains("joined another Wi-Fi network")).count());
        } finally {
            lab.net().startAp(AccessPoint.LAN_WPA2);
            lab.net().restoreCable();
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        }
        r.put("roam.lan_back_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> OfficeWalk.onNetwork(lab, Topology.ROUTER, "192.168.50.")));
    }
}
