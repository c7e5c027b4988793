package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Link;
import org.junit.jupiter.api.Test;

/** Which Setups are refused before anything is touched, and why, from the interfaces alone. */
class SetupCheckTest {
    private static final int BOND = 7;
    private static final int DOCKER = 9;

    private static PortFacts port(int index, String name, PortKind kind, int master) {
        String mac = "aa:00:00:00:00:0" + index;
        Link l = new Link(index, name, Link.ARPHRD_ETHER, 1, true, "up", mac, mac, master, null, null, null);
        return new PortFacts(l, kind, true, 0, "", WifiInfo.NONE);
    }

    private static Link bond() {
        return new Link(BOND, "bond0", Link.ARPHRD_ETHER, 1, true, "up", "02:00:00:00:00:09", null, 0, "bond",
                null, null);
    }

    private static BondConfig wanting(String... ports) {
        BondConfig d = BondConfig.defaults("bond0");
        return new BondConfig(d.bond(), List.of(ports), d.preference(), d.primary(), d.miimon(), d.updelay(),
                d.downdelay(), d.addressing(), d.addresses(), d.gateways(), d.dns(), d.routes(), d.routeMetric(),
                d.fallback());
    }

    private static final List<PortFacts> FREE = List.of(port(2, "eth0", PortKind.WIRED, 0),
            port(3, "wlan0", PortKind.WIRELESS, 0));

    private static Refusal refusal(BondConfig wanted, List<PortFacts> facts, Optional<Link> existing, int networks) {
        return assertThrows(Refusal.class, () -> SetupCheck.ports(wanted, facts, existing, port -> networks,
                Map.of(DOCKER, "docker0", BOND, "bond0")));
    }

    @Test
    void theWiredAndTheWirelessAdapterAreTheBondsPorts() {
        List<PortFacts> ports = SetupCheck.ports(wanting("eth0", "wlan0"), FREE, Optional.empty(), p -> 2, Map.of());
        assertEquals(List.of("eth0", "wlan0"), ports.stream().map(PortFacts::name).toList());
    }

    @Test
    void anInterfaceThatDoesNotExistIsAnInvalidArgument() {
        Refusal r = refusal(wanting("eth0", "wlan9"), FREE, Optional.empty(), 2);
        assertEquals(Refusal.Kind.INVALID_ARGS, r.kind());
        assertEquals("no network interface matches 'wlan9'", r.getMessage());
    }

    @Test
    void noAdapterAtAllIsNotFound() {
        assertEquals(Refusal.Kind.NOT_FOUND, refusal(wanting(), List.of(), Optional.empty(), 2).kind());
    }

    @Test
    void aWifiAdapterThatKnowsNoNetworkCouldNeverJoin() {
        Refusal r = refusal(wanting("eth0", "wlan0"), FREE, Optional.empty(), 0);
        assertEquals(Refusal.Kind.INVALID_ARGS, r.kind());
        assertEquals("wlan0 knows no Wi-Fi network to join; connect it to one first", r.getMessage());
    }

    @Test
    void aWifiAdapterNobodyManagesYetIsHandedOverLater() {
        // -1: wpa_supplicant does not manage it; the helper hands it over after the setup.
        assertEquals(2, SetupCheck.ports(wanting("eth0", "wlan0"), FREE, Optional.empty(), p -> -1, Map.of()).size());
    }

    @Test
    void aPortOfAnotherDeviceIsBusy() {
        List<PortFacts> facts = List.of(port(2, "eth0", PortKind.WIRED, DOCKER), port(3, "wlan0", PortKind.WIRELESS, 0));
        Refusal r = refusal(wanting("eth0", "wlan0"), facts, Optional.empty(), 2);
        assertEquals(Refusal.Kind.BUSY, r.kind());
        assertEquals("eth0 is already a port of docker0; release it first", r.getMessage());
    }

    @Test
    void aPortOfThisBondAlreadyIsNoObstacle() {
        List<PortFacts> facts = List.of(port(2, "eth0", PortKind.WIRED, BOND), port(3, "wlan0", PortKind.WIRELESS, BOND));
        assertEquals(2, SetupCheck.ports(wanting("eth0", "wlan0"), facts, Optional.of(bond()), p -> 1, Map.of()).size());
        assertEquals(Refusal.Kind.BUSY, refusal(wanting("eth0", "wlan0"), facts, Optional.empty(), 1).kind(),
                "without the bond in place its ports belong to another device");
    }
}
