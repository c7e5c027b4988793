package org.bondtray.lab.guest;

import java.io.IOException;
import java.time.Duration;

import org.freedesktop.dbus.connections.impl.DBusConnection;

/** Everything a scenario may touch, and the reset that gives the next scenario a clean laptop. */
record Lab(Cmd cmd, GuestControl control, Topology net, DBusConnection systemBus, WifiStation wifi,
           PlainBond bond, DhcpClient dhcp) {

    TrafficProbe probe(int tcpConnections) throws IOException {
        return new TrafficProbe(cmd, Topology.ROUTER, Topology.ECHO_PORT, tcpConnections);
    }

    /**
     * Puts the laptop back as the topology built it: no helper and no dhcpcd of its running, plain
     * ports, cable in, Wi-Fi idle. The package comes back before the next scenario that needs it.
     */
    void reset() {
        cmd.tryRun("systemctl", "stop", HelperProcess.UNIT, "bondtray-dhcpcd@*.service");
        dhcp.stop();
        bond.delete();
        wifi.release(net.wifiInterface(0));
        net.restoreCable();
        cmd.tryRun("ip", "link", "set", Topology.WIRED, "up");
        Wait.sleep(Duration.ofMillis(500));
    }
}
