package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.bondtray.api.BondState;
import org.bondtray.helper.PortFacts.WifiInfo;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.dhcp.Lease;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.helper.kernel.Link;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The helper's look at the world turned into what it does, from facts alone: the day of a laptop
 * (set up, cable pulled and back, a radio blocked, an adapter plugged in) as {@link Reconciler}
 * decides it, with no kernel, dhcpcd or wpa_supplicant.
 */
class ReconcilerTest {
    private static final int BOND = 9;
    private static final int ETH = 2;
    private static final int WLAN = 3;

    /** The bond, with {@code active} carrying traffic and {@code primary} leading (0: none). */
    private static Link bond(int active, int primary) {
        return new Link(BOND, "bond0", Link.ARPHRD_ETHER, 1, active != 0, "up", "02:00:00:00:00:09", null, 0, "bond",
                new Link.BondInfo(1, active, primary, 100, 500, 0, 1, 2, false), null);
    }

    private static Link link(int index, String name, boolean carrier, boolean up, int master) {
        String mac = "aa:00:00:00:00:0" + index;
        return new Link(index, name, Link.ARPHRD_ETHER, up ? 1 : 0, carrier, carrier ? "up" : "down", mac, mac, master,
                null, null, master == 0 ? null : new Link.PortInfo(false, carrier, 0, mac));
    }

    private static PortFacts cable(int index, String name, boolean carrier, int master) {
        return new PortFacts(link(index, name, carrier, true, master), PortKind.WIRED, true, 1000, "", WifiInfo.NONE);
    }

    private static PortFacts radio(int master, boolean up, String state, String rfkill) {
        return new PortFacts(link(WLAN, "wlan0", "completed".equals(state), up, master), PortKind.WIRELESS, true, 0,
                rfkill, new WifiInfo(state, "HomeNet", -50, 300));
    }

    private static final BondConfig DHCP = BondConfig.defaults("bond0");

    private static BondConfig ports(String... names) {
        BondConfig d = DHCP;
        return new BondConfig(d.bond(), List.of(names), d.preference(), d.primary(), d.miimon(), d.updelay(),
                d.downdelay(), d.addressing(), d.addresses(), d.gateways(), d.dns(), d.routes(), d.routeMetric(),
                d.fallback());
    }

    private static BondConfig staticAddressing() {
        BondConfig d = DHCP;
        return new BondConfig(d.bond(), d.ports(), d.preference(), d.primary(), d.miimon(), d.updelay(),
                d.downdelay(), Addressing.STATIC, List.of("192.168.50.9/24"), List.of("192.168.50.1"),
                List.of("192.168.50.1"), d.routes(), d.routeMetric(), d.fallback());
    }

    private static Reconciler.Look look(Link bond, String dhcpState, PortFacts... ports) {
        List<PortFacts> facts = new ArrayList<>(List.of(ports));
        facts.add(new PortFacts(bond, PortKind.OTHER, false, 0, "", WifiInfo.NONE));
        return new Reconciler.Look(facts, bond, List.of("192.168.50.149/24"),
                List.of(new Kernel.Route("", "192.168.50.1", 16, 1009, BOND),
                        new Kernel.Route("", "192.168.50.1", 16, 1010, BOND),
                        new Kernel.Route("10.8.0.0/16", "192.168.50.254", 4, 100, BOND)),
                dhcpState);
    }

    @Nested
    class WithoutABond {
        @Test
        void aKernelWithoutBondingSaysSoWhateverIsConfigured() {
            BondView v = Reconciler.without("bond0", "no bonding driver", DHCP, "", true)
                    .orElseThrow();
            assertEquals(BondState.UNSUPPORTED, v.state());
            assertEquals("no bonding driver", v.reason());
        }

        @Test
        void nothingConfiguredTellsWhatToRunOrWhyTheFileWasNotRead() {
            assertEquals(BondState.UNCONFIGURED,
                    Reconciler.without("bond0", null, null, "", false).orElseThrow().state());
            assertEquals("bond.conf: line 3 is not a setting",
                    Reconciler.without("bond0", null, null, "bond.conf: line 3 is not a setting",
                            false).orElseThrow().reason());
        }

        @Test
        void aConfiguredBondThatIsGoneIsAnErrorWithTheWayBack() {
            BondView v = Reconciler.without("bond0", null, DHCP, "", false).orElseThrow();
            assertEquals(BondState.ERROR, v.state());
            assertTrue(v.reason().contains("bondtray setup"), v.reason());
        }

        @Test
        void aBondThatIsThereIsReconciled() {
            assertTrue(Reconciler.without("bond0", null, DHCP, "", true).isEmpty());
        }
    }

    @Nested
    class ThePrimary {
        @Test
        void rightAfterSetupTheCableIsMadePrimary() {
            Reconciler.Plan p = Reconciler.plan(DHCP, look(bond(ETH, 0), "off",
                    cable(ETH, "eth0", true, BOND), radio(BOND, true, "completed", "")));
            assertEquals(ETH, p.primary());
            assertFalse(p.primaryWireless());
        }

        @Test
        void aPrimaryThatIsRightIsLeftAlone() {
            Reconciler.Plan p = Reconciler.plan(DHCP, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(BOND, true, "completed", "")));
            assertEquals(-1, p.primary());
        }

        @Test
        void aPulledCableStaysPrimarySoItLeadsAgainWhenItIsBack() {
            Reconciler.Plan p = Reconciler.plan(DHCP, look(bond(WLAN, ETH), "running",
                    cable(ETH, "eth0", false, BOND), radio(BOND, true, "completed", "")));
            assertEquals(-1, p.primary());
            assertEquals(List.of("eth0", "wlan0"), p.configured().stream().map(PortFacts::name).toList());
        }

        @Test
        void preferringWifiMakesItPrimaryOnceReadyAndSaysItIsAWifiPort() {
            BondConfig wifiFirst = DHCP.withPreference(Preference.WIRELESS);
            Reconciler.Plan p = Reconciler.plan(wifiFirst, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(BOND, true, "completed", "")));
            assertEquals(WLAN, p.primary());
            assertTrue(p.primaryWireless(), "a Wi-Fi primary is a switchover the tracker expects");
        }

        @Test
        void aBlockedRadioIsNeverMadePrimary() {
            BondConfig wifiFirst = DHCP.withPreference(Preference.WIRELESS);
            Reconciler.Plan p = Reconciler.plan(wifiFirst, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(BOND, false, "disconnected", "soft")));
            assertEquals(-1, p.primary());
        }
    }

    @Nested
    class Newcomers {
        @Test
        void aCablePluggedInAfterSetupJoinsAtOnce() {
            Reconciler.Plan p = Reconciler.plan(ports("eth0", "eth1", "wlan0"), look(bond(WLAN, 0), "running",
                    cable(ETH, "eth0", true, BOND), cable(4, "eth1", true, 0), radio(BOND, true, "completed", "")));
            assertEquals(List.of(new Reconciler.Newcomer(p.newcomers().get(0).port(), false, false, true)),
                    p.newcomers());
            assertEquals("eth1", p.newcomers().get(0).port().name());
        }

        @Test
        void anAdapterTheConfigurationDoesNotNameIsLeftAlone() {
            Reconciler.Plan p = Reconciler.plan(ports("eth0", "wlan0"), look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), cable(4, "usb0", true, 0), radio(BOND, true, "completed", "")));
            assertTrue(p.newcomers().isEmpty(), p.newcomers().toString());
        }

        @Test
        void aWifiAdapterNobodyManagesGoesToWpaSupplicantAndUpButDoesNotJoinYet() {
            Reconciler.Plan p = Reconciler.plan(DHCP, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(0, false, "", "")));
            Reconciler.Newcomer n = p.newcomers().getFirst();
            assertEquals("wlan0", n.port().name());
            assertTrue(n.handOver() && n.bringUp());
            assertFalse(n.enslave(), "enslaving takes a port down; an unassociated one would hide why it cannot carry");
        }

        @Test
        void aWifiAdapterStillAssociatingIsWaitedFor() {
            Reconciler.Newcomer n = Reconciler.plan(DHCP, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(0, true, "4way_handshake", ""))).newcomers().getFirst();
            assertFalse(n.handOver() || n.bringUp() || n.enslave(), n.toString());
        }

        @Test
        void anAssociatedWifiAdapterJoins() {
            Reconciler.Newcomer n = Reconciler.plan(DHCP, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(0, true, "completed", ""))).newcomers().getFirst();
            assertTrue(n.enslave());
        }

        @Test
        void aBlockedRadioDoesNotJoin() {
            Reconciler.Plan p = Reconciler.plan(DHCP, look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), radio(0, true, "completed", "hard")));
            assertTrue(p.newcomers().isEmpty());
        }

        @Test
        void aNamedAdapterThatIsGoneIsMissingButAPatternWaitsSilently() {
            Reconciler.Plan p = Reconciler.plan(ports("eth0", "wlan0", "enx*", "usb1"), look(bond(ETH, ETH),
                    "running", cable(ETH, "eth0", true, BOND), radio(BOND, true, "completed", "")));
            assertEquals(List.of("usb1"), p.missing());
        }
    }

    @Nested
    class Dhcp {
        @Test
        void dhcpcdWaitsUntilAPortCarriesTraffic() {
            assertEquals(Reconciler.Dhcp.LEAVE, Reconciler.plan(DHCP, look(bond(0, ETH), "off",
                    cable(ETH, "eth0", false, BOND), radio(BOND, true, "scanning", ""))).dhcp());
        }

        @Test
        void dhcpcdRunsOnceAPortCarriesAndKeepsRunningWhenAllAreCut() {
            assertEquals(Reconciler.Dhcp.RUN, Reconciler.plan(DHCP, look(bond(ETH, ETH), "off",
                    cable(ETH, "eth0", true, BOND))).dhcp());
            assertEquals(Reconciler.Dhcp.RUN, Reconciler.plan(DHCP, look(bond(0, ETH), "running",
                    cable(ETH, "eth0", false, BOND))).dhcp());
        }

        @Test
        void staticAddressingLetsARunningDhcpcdGo() {
            assertEquals(Reconciler.Dhcp.STOP, Reconciler.plan(staticAddressing(), look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND))).dhcp());
            assertEquals(Reconciler.Dhcp.LEAVE, Reconciler.plan(staticAddressing(), look(bond(ETH, ETH), "off",
                    cable(ETH, "eth0", true, BOND))).dhcp());
        }

        @Test
        void theConfiguredResolversComeFirstAndTheLeaseAddsOnlyNewOnes() {
            Lease lease = new Lease("192.168.50.149", "192.168.50.1", 3600, 0, List.of("192.168.50.1", "9.9.9.9"),
                    List.of("lan"));
            assertEquals(List.of("192.168.50.1", "9.9.9.9"), Reconciler.dns(staticAddressing(), lease));
        }

        @Test
        void theFallbackCarriesTheConfiguredGatewayIntoDhcpcdsConfiguration() {
            BondConfig s = staticAddressing();
            BondConfig withFallback = new BondConfig(s.bond(), s.ports(), s.preference(), s.primary(), s.miimon(),
                    s.updelay(), s.downdelay(), Addressing.DHCP, List.of(), s.gateways(), s.dns(), s.routes(), 0,
                    "192.168.50.9/24");
            String text = Reconciler.dhcpcdConfig(withFallback);
            assertTrue(text.contains("192.168.50.9/24") && text.contains("192.168.50.1"), text);
            assertFalse(Reconciler.dhcpcdConfig(DHCP).contains("192.168.50.9"));
        }
    }

    @Nested
    class WhatTheLookShows {
        @Test
        void eachGatewayOnceAndOnlyDefaultRoutes() {
            Reconciler.Plan p = Reconciler.plan(DHCP, look(bond(ETH, ETH), "running", cable(ETH, "eth0", true, BOND)));
            assertEquals(List.of("192.168.50.1"), p.gateways());
        }

        @Test
        void theNetworkCheckLooksAtTheBondsPortsWithTheirNetworkAndWhetherTheyCarry() {
            Reconciler.Plan p = Reconciler.plan(ports("eth0", "wlan0"), look(bond(ETH, ETH), "running",
                    cable(ETH, "eth0", true, BOND), cable(4, "eth1", true, 0), radio(BOND, true, "associating", "")));
            assertEquals(List.of(new NetworkCheck.Port("eth0", ETH, "aa:00:00:00:00:02", "", true),
                    new NetworkCheck.Port("wlan0", WLAN, "aa:00:00:00:00:03", "HomeNet", false)), p.checked());
        }

        @Test
        void aCutCableMakesTheBondDegradedWithTheReasonInWords() {
            Reconciler.Look l = look(bond(WLAN, ETH), "running", cable(ETH, "eth0", false, BOND),
                    radio(BOND, true, "completed", ""));
            BondView v = Reconciler.view(DHCP, l, Reconciler.plan(DHCP, l), List.of("192.168.50.1"));
            assertEquals(BondState.DEGRADED, v.state());
            assertEquals("wlan0", v.activePort());
            assertTrue(v.reason().startsWith("eth0: "), v.reason());
            assertEquals(List.of("192.168.50.149/24"), v.addresses());
        }

        @Test
        void bothPortsCarryingIsUp() {
            Reconciler.Look l = look(bond(ETH, ETH), "running", cable(ETH, "eth0", true, BOND),
                    radio(BOND, true, "completed", ""));
            assertEquals(BondState.UP, Reconciler.view(DHCP, l, Reconciler.plan(DHCP, l), List.of()).state());
        }
    }

    /**
     * A walk to another network: while the Wi-Fi backup sits on another network than the cable's,
     * dhcpcd holds that network's lease ahead of time on it; not otherwise.
     */
    @Nested
    class LeaseAhead {
        private final Reconciler.Look onTheCable = look(bond(ETH, ETH), "running", cable(ETH, "eth0", true, BOND),
                radio(BOND, true, "completed", ""));

        @Test
        void aReadyWifiBackupOnAnotherNetworkHoldsALeaseThere() {
            assertEquals(java.util.Optional.of("wlan0"), Reconciler.leaseAhead(DHCP, onTheCable, SameNetwork.DIFFERENT));
        }

        @Test
        void noneOnTheSameNetworkOrBeforeTheCheckHasSpoken() {
            assertTrue(Reconciler.leaseAhead(DHCP, onTheCable, SameNetwork.SAME).isEmpty());
            assertTrue(Reconciler.leaseAhead(DHCP, onTheCable, SameNetwork.UNKNOWN).isEmpty());
        }

        @Test
        void noneWithStaticAddressingWhichStaysTheUsersWhereverTheLaptopIs() {
            assertTrue(Reconciler.leaseAhead(staticAddressing(), onTheCable, SameNetwork.DIFFERENT).isEmpty());
        }

        @Test
        void noneForTheActivePortOrABackupThatIsNotReady() {
            Reconciler.Look onWifi = look(bond(WLAN, ETH), "running", cable(ETH, "eth0", false, BOND),
                    radio(BOND, true, "completed", ""));
            assertTrue(Reconciler.leaseAhead(DHCP, onWifi, SameNetwork.DIFFERENT).isEmpty(), "the cable is down");
            Reconciler.Look associating = look(bond(ETH, ETH), "running", cable(ETH, "eth0", true, BOND),
                    radio(BOND, true, "associating", ""));
            assertTrue(Reconciler.leaseAhead(DHCP, associating, SameNetwork.DIFFERENT).isEmpty());
            Reconciler.Look nothing = look(bond(0, ETH), "off", cable(ETH, "eth0", false, BOND),
                    radio(BOND, true, "completed", ""));
            assertTrue(Reconciler.leaseAhead(DHCP, nothing, SameNetwork.DIFFERENT).isEmpty(), "the bond carries nothing");
        }
    }
}
