package org.bondtray.tray.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bondtray.net.NetSysfs;

/**
 * The interfaces a user may bond, as sysfs shows them to anyone: Ethernet-type links that are
 * not themselves a bond, a bridge or the loopback. Adapters (backed by a device) come before
 * virtual links, wired before Wi-Fi. Sysfs is read the way the helper reads it.
 */
public final class Interfaces {
    /** One candidate; {@code adapter}: backed by a device, not a virtual link. */
    public record Candidate(String name, boolean wireless, boolean adapter) {
    }

    private static final int ARPHRD_ETHER = 1;

    private Interfaces() {
    }

    public static List<Candidate> detect(NetSysfs sys) {
        List<Candidate> out = new ArrayList<>();
        for (String name : sys.links()) {
            if (sys.arpType(name) == ARPHRD_ETHER && !sys.master(name)) {
                out.add(new Candidate(name, sys.wireless(name), sys.physical(name)));
            }
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.adapter()).thenComparing(Candidate::wireless));
        return out;
    }
}
