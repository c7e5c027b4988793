package org.bondtray.helper;

import java.util.ArrayList;
import java.util.List;

import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.wifi.WifiWatcher;
import org.bondtray.net.NetSysfs;

/** The observe step for interfaces: each link of a dump with what sysfs and wpa_supplicant say of it. */
final class PortReader {
    private PortReader() {
    }

    /** {@code wifi} may be null (no wpa_supplicant watcher): Wi-Fi ports are then judged by carrier. */
    static List<PortFacts> read(List<Link> links, NetSysfs sysfs, WifiWatcher wifi) {
        List<PortFacts> out = new ArrayList<>();
        for (Link l : links) {
            boolean wireless = sysfs.wireless(l.name());
            PortKind kind = wireless ? PortKind.WIRELESS
                    : l.arpType() == Link.ARPHRD_ETHER && (l.kind() == null || "veth".equals(l.kind())) ? PortKind.WIRED
                    : PortKind.OTHER;
            out.add(new PortFacts(l, kind, sysfs.physical(l.name()), wireless ? 0 : sysfs.speedMbps(l.name()),
                    wireless ? sysfs.rfkillBlock(l.name()) : "",
                    wireless && wifi != null ? wifi.info(l.name()) : WifiInfo.NONE));
        }
        return out;
    }
}
