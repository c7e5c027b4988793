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
    void theNewNetworksAddressStaysThoughTheOldDhcpcdHadIt() {
        // After a roam the old dhcpcd got the café's fd00:60::16e itself before it stopped, and it
        // was named with the LAN's; the new dhcpcd holds it again, and the café advertises fd00:60::/64.
        List<String> gone = List.of("192.168.50.106", "fd00:50::16e", "fd00:60::16e");
        List<String> addresses = List.of("192.168.50.106/24", "192.168.60.162/24", "fd00:50::16e/128",
                "fd00:60::16e/128");
        List<Kernel.Route> routes6 = List.of(
                new Kernel.Route("fd00:60::/64", "", Kernel.Route.RA, 1009, 7),
                new Kernel.Route("", "fe80::b7:ff:fe60:1", Kernel.Route.RA, 1009, 7),
                // The helper's own static route says nothing about which network the bond is on.
                new Kernel.Route("fd00:50::/64", "", Kernel.Route.STATIC, 50, 7));

        assertEquals(List.of("192.168.50.106/24", "fd00:50::16e/128"),
                LeftNetwork.toTakeOff(gone, addresses, routes6).stream().map(Object::toString).toList());
        assertEquals(List.of("192.168.50.106/24", "fd00:50::16e/128", "fd00:60::16e/128"),
                LeftNetwork.toTakeOff(gone, addresses, List.of()).stream().map(Object::toString).toList(),
                "no prefix advertised yet: all that was named goes");
    }

    @Test
    void aBondThatIsGoneLeavesNothing(@TempDir Path dir) throws Exception {
        try (MemoryKernel machine = new MemoryKernel(dir); Kernel rt = machine.open()) {
            assertEquals(List.of(), new LeftNetwork(rt).leave("bond0"));
        }
    }
}
