package org.bondtray.tray;

import java.util.ArrayList;
import java.util.List;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;

/** What the tooltip, the menu's status lines and the notifications say about a bond. */
public final class TrayTexts {
    private final Texts t;

    public TrayTexts(Texts t) {
        this.t = t;
    }

    public Texts texts() {
        return t;
    }

    /** "cable, 1 Gb/s" or "Wi-Fi HomeNet". */
    public String link(BondSnapshot.Port p) {
        if (p == null) {
            return t.get("link.none");
        }
        if (p.wireless()) {
            return t.get("link.wireless", p.ssid().isEmpty() ? p.name() : p.ssid());
        }
        return p.speed() > 0 ? t.get("link.wired.speed", speed(p.speed())) : t.get("link.wired");
    }

    public String speed(long mbps) {
        return mbps >= 1000 && mbps % 1000 == 0 ? t.get("speed.gbps", String.valueOf(mbps / 1000))
                : t.get("speed.mbps", String.valueOf(mbps));
    }

    /** The lines at the top of the menu, and the tooltip's text: active link, address, standby. */
    public List<String> statusLines(BondSnapshot s) {
        List<String> out = new ArrayList<>();
        if (!s.helperReachable()) {
            out.add(t.get("status.unreachable", s.reason()));
            return out;
        }
        if (s.active() == null) {
            out.add(t.get("status.state", s.state(), s.reason()));
        } else {
            out.add(t.get("status.active", link(s.active())));
        }
        if (!s.address().isEmpty()) {
            out.add(t.get("status.address", s.address()));
        }
        BondSnapshot.Port standby = s.standby();
        if (standby == null) {
            out.add(t.get("status.standby.none"));
        } else if (standby.role().equals("backup")) {
            out.add(t.get("status.standby", t.get("status.standby.ready", link(standby))));
        } else {
            out.add(t.get("status.standby", t.get("status.standby.not", link(standby), why(standby))));
        }
        return out;
    }

    /** Why a port cannot carry traffic, in words ("cable unplugged"); the helper's word if this version has none. */
    public String why(BondSnapshot.Port p) {
        String reason = p.roleReason().isEmpty() ? p.role() : p.roleReason();
        return t.getOr("role." + reason, reason);
    }

    /**
     * A notification: its summary line and body, and whether connections were at risk (another
     * network, the standby lost, a change rolled back), for a user who wants only those.
     */
    public record Notice(String summary, String body, boolean atRisk) {
        public Notice(String summary, String body) {
            this(summary, body, false);
        }
    }

    /** The notice for a switchover to {@code to}, for {@code reason}, after {@code outageMs}. */
    public Notice switchover(BondSnapshot s, String to, String reason, long outageMs) {
        return switchover(s, s.network(), to, reason, outageMs);
    }

    /** As {@link #switchover(BondSnapshot, String, String, long)}, with the verdict that held for it. */
    public Notice switchover(BondSnapshot s, String network, String to, String reason, long outageMs) {
        if (BondProperties.NETWORK_DIFFERENT.equals(network)) {
            return moved(s, to, reason, "");
        }
        String why = t.getOr("reason." + reason, reason);
        String body = BondProperties.NETWORK_SAME.equals(network) ? t.get("notify.body.kept", why, String.valueOf(outageMs))
                : t.get("notify.body.plain", why, String.valueOf(outageMs));
        return new Notice(arrival(s, to), body);
    }

    /**
     * The notice for a switchover to {@code to} that moved the bond to another network: its
     * connections were reset, and {@code address} is the new network's ("" while it is coming).
     */
    public Notice moved(BondSnapshot s, String to, String reason, String address) {
        String why = t.getOr("reason." + reason, reason);
        return new Notice(arrival(s, to), address.isEmpty() ? t.get("notify.body.moving", why)
                : t.get("notify.body.moved", why, address), true);
    }

    /** As {@link #moved}, with static addressing: the configured address stays. */
    public Notice movedStatic(BondSnapshot s, String to, String reason) {
        return new Notice(arrival(s, to), t.get("notify.body.moved.static", t.getOr("reason." + reason, reason)), true);
    }

    /** "Now on Wi-Fi (cafe)" or "Back on the cable (1 Gb/s)". */
    private String arrival(BondSnapshot s, String to) {
        BondSnapshot.Port port = s.port(to);
        if (port != null && port.wireless()) {
            return t.get("notify.to.wireless", port.ssid().isEmpty() ? port.name() : port.ssid());
        }
        if (port != null && port.speed() > 0) {
            return t.get("notify.to.wired", speed(port.speed()));
        }
        return t.get("notify.to.wired.nospeed");
    }

    /**
     * What changed between two looks at the bond that the user must hear of even without a
     * switchover: the Wi-Fi standby went away, or the ports turned out to reach different networks.
     */
    public java.util.Optional<Notice> change(BondSnapshot before, BondSnapshot after) {
        if (!before.helperReachable() || !after.helperReachable()) {
            return java.util.Optional.empty();
        }
        if (BondProperties.NETWORK_DIFFERENT.equals(after.network())
                && !BondProperties.NETWORK_DIFFERENT.equals(before.network())) {
            return java.util.Optional.of(new Notice(t.get("notify.different"), t.get("notify.different.body"), true));
        }
        BondSnapshot.Port was = before.standby();
        BondSnapshot.Port is = was == null ? null : after.port(was.name());
        if (was != null && was.wireless() && was.role().equals("backup") && is != null && !is.name().equals(after.activePort())
                && !is.role().equals("backup")) {
            return java.util.Optional.of(new Notice(t.get("notify.standby.lost"), why(is), true));
        }
        return java.util.Optional.empty();
    }
}
