package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.kernel.Link;
import org.junit.jupiter.api.Test;

/** Which interfaces a configuration means, including "no ports named at all". */
class PortMatcherTest {
    private static PortFacts port(int index, String name, String kind, PortKind portKind, boolean physical, String perm) {
        Link l = new Link(index, name, Link.ARPHRD_ETHER, 1, true, "up", perm, perm, 0, kind, null, null);
        return new PortFacts(l, portKind, physical, 0, "", WifiInfo.NONE);
    }

    private static final List<PortFacts> LAPTOP = List.of(
            port(1, "lo", null, PortKind.OTHER, false, null),
            port(2, "veth1a2b", "veth", PortKind.WIRED, false, "0a:00:00:00:00:01"),
            port(3, "enp0s31f6", null, PortKind.WIRED, true, "aa:bb:cc:00:00:01"),
            port(4, "wlp2s0", null, PortKind.WIRELESS, true, "aa:bb:cc:00:00:02"),
            port(5, "docker0", "bridge", PortKind.OTHER, false, "02:42:00:00:00:01"),
            port(6, "enx001122334455", null, PortKind.WIRED, true, "00:11:22:33:44:55"));

    private static List<String> names(List<PortFacts> ports) {
        return ports.stream().map(PortFacts::name).toList();
    }

    @Test
    void noSpecBondsTheFirstPhysicalWiredAndWirelessPort() {
        assertEquals(List.of("enp0s31f6", "wlp2s0"), names(PortMatcher.select(List.of(), LAPTOP, "bond0")));
    }

    @Test
    void permanentMacsPatternsAndNamesAreMatchedInSpecOrder() {
        assertEquals(List.of("enx001122334455", "wlp2s0"),
                names(PortMatcher.select(List.of("00:11:22:33:44:55", "wl*"), LAPTOP, "bond0")));
        assertEquals(List.of("enp0s31f6", "enx001122334455"), names(PortMatcher.select(List.of("en*"), LAPTOP, "bond0")));
    }

    @Test
    void bridgesLoopbackAndTheBondItselfAreNeverPorts() {
        assertEquals(List.of(), names(PortMatcher.select(List.of("docker0", "lo", "bond0"), LAPTOP, "bond0")));
    }
}
