package org.bondtray.lab.guest;

import java.time.Duration;

/**
 * The tray's neighbours on alice's desktop restart, as they do on a laptop: her panel (its
 * StatusNotifierWatcher comes back with another owner) and her notification server. The tray
 * must be on the new panel, and the next switchover's notice must reach the new server.
 */
final class TrayNeighbours {
    private final Results r;
    private final DesktopSession alice;
    private final HelperProcess helper;

    TrayNeighbours(Results r, DesktopSession alice, HelperProcess helper) {
        this.r = r;
        this.alice = alice;
        this.helper = helper;
    }

    void run() {
        alice.run("pkill", "-x", "xfce4-panel");
        r.put("neighbours.panel_gone_ms", Wait.untilOrTimeout(Duration.ofSeconds(20), Duration.ofMillis(250),
                () -> !alice.trayOnPanel()));
        // Started again in her user manager, as a session manager restarts a panel that died.
        long t0 = System.nanoTime();
        alice.run("systemd-run", "--user", "--collect", "--quiet", "xfce4-panel", "--disable-wm-check");
        r.put("neighbours.tray_on_new_panel_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                alice::trayOnPanel));
        r.put("neighbours.panel_items", alice.trayItems());
        r.put("neighbours.restart_to_tray_ms", (System.nanoTime() - t0) / 1_000_000);

        alice.run("pkill", "-x", "dunst");
        Wait.untilOrTimeout(Duration.ofSeconds(20), Duration.ofMillis(250),
                () -> alice.run("pgrep", "-x", "dunst").exit() != 0);
        alice.run("systemd-run", "--user", "--collect", "--quiet", "dunst");
        r.put("neighbours.new_server_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                () -> alice.run("dunstctl", "count", "displayed").exit() == 0));
        Process notes = alice.watchNotifications("neighbours-notify");
        try {
            helper.cli(Topology.USER, "switch", "wireless");
            r.put("neighbours.displayed_ms", Wait.untilOrTimeout(Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> !alice.run("dunstctl", "count", "displayed").out().strip().equals("0")));
        } finally {
            helper.cli(Topology.USER, "switch", "auto");
            Cmd.stop(notes, Duration.ofSeconds(5));
        }
        r.put("neighbours.notices", String.join(" | ", alice.notifications("neighbours-notify")));
    }
}
