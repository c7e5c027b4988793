package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.MemoryKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the LAN leaves on the bond when traffic moves to the café: its routers' IPv6 routes go at
 * once, its IPv6 addresses are named for later, and nothing else is touched.
 */
class LeftNetworkTest {
    @Test
    void theOldRoutersRoutesGoAndItsAddressesAreNamed(@TempDir Path dir) throws Exception {
        try (MemoryKernel machine = new MemoryKernel(dir); Kernel rt = machine.open()) {
            rt.createBond("bond0", new Kernel.BondSettings(100, 0, 0, 1));
            int bond = rt.link("bond0").orElseThrow().index();
            rt.addAddress(bond, InetAddress.ofLiteral("192.168.50.110"), 24);
            rt.addAddress(bond, InetAddress.ofLiteral("fd00:50::110"), 128);
            rt.addAddress(bond, InetAddress.ofLiteral("fd00:50::8d2c:1e4f:77a0:3b19"), 64);
            machine.learnt("bond0", "", "fe80::b7:ff:fe50:1", 1018);
            machine.learnt("bond0", "fd00:50::/64", "", 1018);
            // The helper's own static route stays: it is the user's, whatever the network.
            rt.setRoute(bond, InetAddress.ofLiteral("fd00:99::"), 64, InetAddress.ofLiteral("fe80::99"), 50);

            List<String> named = new LeftNetwork(rt).leave("bond0");

            assertEquals(List.of("fd00:50::110", "fd00:50::8d2c:1e4f:77a0:3b19"), named,
                    "the old network's IPv6 addresses, for when the new lease proves the move");
            assertEquals(List.of("fd00:99::/64 via fe80::99"), machine.routesOf("bond0"),
                    "the LAN router's default and prefix routes are gone, the static one stays");
            assertEquals(List.of("192.168.50.110/24", "fd00:50::110/128", "fd00:50::8d2c:1e4f:77a0:3b19/64"),
                    machine.addressesOf("bond0"), "no address goes yet: the verdict may be wrong");
        }
    }

    @Test
    void aBondThatIsGoneLeavesNothing(@TempDir Path dir) throws Exception {
        try (MemoryKernel machine = new MemoryKernel(dir); Kernel rt = machine.open()) {
            assertEquals(List.of(), new LeftNetwork(rt).leave("bond0"));
        }
    }
}
