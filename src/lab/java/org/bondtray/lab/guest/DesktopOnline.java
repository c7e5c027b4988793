package org.bondtray.lab.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the desktop thinks the laptop is online, read the three ways desktops read it:
 * {@code nmcli -t -f STATE general}, NetworkManager's {@code State} property on the system bus,
 * and GLib's {@code GNetworkMonitor} (what GNOME's programs ask; on a system with
 * NetworkManager it follows NetworkManager's {@code Connectivity}), asked as alice. A watch
 * records every {@code StateChanged} NetworkManager emits in between, so a dip between two
 * readings is seen too.
 */
final class DesktopOnline {
    /** NMState: connected, global. */
    static final int CONNECTED_GLOBAL = 70;
    private static final Pattern STATE = Pattern.compile("^\\s*uint32 (\\d+)\\s*$", Pattern.MULTILINE);
    private static final String MONITOR = "from gi.repository import Gio\n"
            + "m = Gio.NetworkMonitor.get_default()\n"
            + "print('available' if m.get_network_available() else 'unavailable', m.get_connectivity().value_nick)\n";

    private final Cmd cmd;
    private final String name;
    private Process watch;
    private int watches;

    DesktopOnline(Cmd cmd, String name) {
        this.cmd = cmd;
        this.name = name;
    }

    /** "connected 70 available full": nmcli's word, the bus's State, GLib's answer. */
    String now() {
        String nmcli = cmd.tryRun("nmcli", "-t", "-f", "STATE", "general").out().strip();
        String state = cmd.tryRun("busctl", "get-property", "org.freedesktop.NetworkManager", "/org/freedesktop/NetworkManager",
                "org.freedesktop.NetworkManager", "State").out().strip().replaceFirst("^u ", "");
        String glib = cmd.tryRun(Cmd.asUser(Topology.USER, "python3", "-c", MONITOR)).out().strip();
        return nmcli + " " + state + " " + glib;
    }

    /** How NetworkManager holds the bond: its device, its generated connection, and the kernel's routes on it. */
    String bondSeen() {
        return cmd.tryRun("nmcli", "-t", "-f", "GENERAL.STATE,GENERAL.CONNECTION,IP4.GATEWAY", "device", "show", "bond0")
                .out().strip().replace('\n', ' ')
                + " | " + cmd.tryRun("nmcli", "-t", "-f", "ipv4.method,ipv4.gateway,ipv4.never-default", "connection", "show",
                        "bond0").out().strip().replace('\n', ' ')
                + " | " + cmd.tryRun("ip", "-4", "route", "show", "dev", "bond0").out().strip().replace('\n', ';');
    }

    /** NetworkManager asked to check its connectivity again (CheckConnectivity), then read as {@link #now}. */
    String afterCheck() {
        cmd.tryRun("busctl", "call", "org.freedesktop.NetworkManager", "/org/freedesktop/NetworkManager",
                "org.freedesktop.NetworkManager", "CheckConnectivity");
        return now();
    }

    /**
     * Whether a reading of {@link #now} says connected: NetworkManager's state local, site or
     * global. Global needs a default route NetworkManager counts, and it counts none on a device
     * it did not configure whose address has a lifetime (a DHCP lease): its generated connection
     * then holds no address and no gateway (the README's NetworkManager entry).
     */
    static boolean connected(String reading) {
        return reading.matches("connected.* (50|60|" + CONNECTED_GLOBAL + ") .*");
    }

    /** Starts recording NetworkManager's StateChanged signals. */
    void watch() {
        watches++;
        watch = cmd.start(name + "-" + watches, "dbus-monitor", "--system",
                "type='signal',path='/org/freedesktop/NetworkManager',interface='org.freedesktop.NetworkManager',member='StateChanged'");
        // dbus-monitor needs a moment to become a monitor.
        Wait.sleep(Duration.ofSeconds(2));
    }

    /** Stops the watch; the states NetworkManager announced meanwhile, in order. */
    List<Integer> stop() throws IOException {
        Cmd.stop(watch, Duration.ofSeconds(5));
        Path log = cmd.logDir().resolve(name + "-" + watches + ".log");
        List<Integer> states = new ArrayList<>();
        if (Files.exists(log)) {
            Matcher m = STATE.matcher(Files.readString(log));
            while (m.find()) {
                states.add(Integer.parseInt(m.group(1)));
            }
        }
        return states;
    }
}
