package org.bondtray.lab.guest;

import java.time.Duration;

/**
 * Debian's NetworkManager as a laptop runs it, with udev: it connects the cable by itself and is
 * asked, as a user would with nmcli, to join the LAN's Wi-Fi. Each device then has its own
 * address and default route (the cable's with the lower metric). {@link #close} stops
 * its unit and clears what NetworkManager leaves on the ports.
 */
final class NetworkManagerLaptop implements AutoCloseable {
    static final String NM = "NetworkManager";
    static final String UNIT = NM + ".service";
    /** NMDeviceState: activated. */
    static final int CONNECTED = 100;

    private final Cmd cmd;
    private final String wlan;

    NetworkManagerLaptop(Cmd cmd, String wlan) {
        this.cmd = cmd;
        this.wlan = wlan;
    }

    /** Starts both and waits until the cable and the Wi-Fi are connected; records how long each took. */
    NetworkManagerLaptop start(Lab lab, Results r) {
        // NetworkManager learns of devices from udev; without it every device is unmanaged.
        Udev.settle(cmd);
        // As on a laptop, NetworkManager is the one that hands the Wi-Fi adapter to wpa_supplicant.
        lab.wifi().release(wlan);
        long started = System.nanoTime();
        // Type=dbus: the start returns once NetworkManager holds its bus name.
        Units.start(cmd, UNIT);
        r.put("reference.start.networkmanager_ms", (System.nanoTime() - started) / 1_000_000);
        r.put("nm.eth_connected_ms", Wait.until("NetworkManager to connect " + Topology.WIRED, Duration.ofSeconds(120),
                Duration.ofMillis(500), () -> deviceState(cmd, Topology.WIRED) == CONNECTED));
        long t0 = System.nanoTime();
        Wait.until("NetworkManager to join " + AccessPoint.LAN_WPA2.ssid(), Duration.ofSeconds(180), Duration.ofSeconds(3),
                () -> {
                    cmd.tryRun("nmcli", "device", "wifi", "rescan", "ifname", wlan);
                    return cmd.tryRun("nmcli", "--wait", "60", "device", "wifi", "connect", AccessPoint.LAN_WPA2.ssid(),
                            "password", AccessPoint.LAN_WPA2.passphrase(), "ifname", wlan).exit() == 0;
                });
        r.put("nm.wifi_connected_ms", (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** NMDeviceState of a device, or -1 if NetworkManager does not answer. */
    static int deviceState(Cmd cmd, String device) {
        String out = generalState(cmd, device);
        int space = out.indexOf(' ');
        try {
            return Integer.parseInt(space > 0 ? out.substring(0, space) : out);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "eth0 connected, wlan0 unmanaged" as nmcli sees it. */
    static String view(Cmd cmd, String... devices) {
        StringBuilder s = new StringBuilder();
        for (String d : devices) {
            String out = generalState(cmd, d);
            s.append(s.isEmpty() ? "" : ", ").append(d).append(' ').append(out.replaceAll("^\\d+ \\((.*)\\)$", "$1"));
        }
        return s.toString();
    }

    /** nmcli's "100 (connected)" for a device. */
    private static String generalState(Cmd cmd, String device) {
        return cmd.tryRun("nmcli", "-g", "GENERAL.STATE", "device", "show", device).out().strip();
    }

    @Override
    public void close() {
        Units.stop(cmd, UNIT);
        // NetworkManager leaves its addresses on the way out; the next scenario wants plain ports.
        cmd.tryRun("ip", "addr", "flush", "dev", Topology.WIRED);
        cmd.tryRun("ip", "addr", "flush", "dev", wlan);
    }
}
