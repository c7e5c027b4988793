package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.HelperFigures;
import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Addresses on the bond as the helper keeps them: dhcpcd under the helper, the lease through
 * switchovers, name servers handed to the system. Judged from the helper's scenarios: the setup's
 * lease, the cuts', dhcpcd killed, routes, disable.
 */
class AddressingLabIT {
    @Test
    @DisplayName("addressing 1: the helper runs dhcpcd once the bond carries traffic; lease and DNS in the API and the resolver")
    void helperRunsDhcp() {
        HelperFigures.Lease r = LabRun.figures(Scenarios.HELPER_SETUP, HelperFigures.Setup.class).lease();
        assertAll(
                () -> assertEquals("running", r.state()),
                () -> assertTrue(r.bondAddress().startsWith(r.address() + "/24"), r.address() + " vs " + r.bondAddress()),
                () -> assertEquals("192.168.50.1", r.server()),
                () -> assertEquals(3600, r.leaseTime()),
                () -> assertTrue(r.dns().contains("192.168.50.1"), r.dns()),
                () -> assertTrue(r.resolvConf().contains("nameserver 192.168.50.1"), r.resolvConf()),
                () -> assertTrue(r.config().contains("duid") && r.config().contains("iaid "), r.config()));
    }

    @Test
    @DisplayName("addressing 2: the lease survives twenty switchovers: same IPv4 and IPv6, one client at the server")
    void leaseSurvivesSwitchovers() {
        HelperFigures.Cuts cuts = LabRun.figures(Scenarios.HELPER_CUTS, HelperFigures.Cuts.class);
        HelperFigures.LeaseKept r = cuts.lease();
        assertAll(
                () -> assertEquals(10, cuts.cuts().size(), "ten cuts and ten restores"),
                () -> assertFalse(r.v4Before().isEmpty()),
                () -> assertEquals(r.v4Before(), r.v4After()),
                () -> assertFalse(r.v6Before().isEmpty()),
                () -> assertEquals(r.v6Before(), r.v6After()),
                () -> assertEquals(0, r.discover(), "no new client: no DHCPDISCOVER"),
                // dhcpcd renews after switchovers (coalesced while the cable toggles), and is answered.
                () -> assertTrue(r.ack() >= 1, "renewals answered during the cuts"),
                () -> assertEquals(0, r.nak()),
                () -> assertEquals(0, r.release()),
                () -> assertEquals(1, r.clientLeases(), "one lease for the helper's client id"));
    }

    @Test
    @DisplayName("addressing 3: dhcpcd killed is started again with the address kept; a restarted helper adopts it")
    void dhcpcdIsSupervised() {
        HelperFigures.DhcpcdRestart r = LabRun.figures(Scenarios.HELPER_HOSTILE_DOMAIN, HelperFigures.HostileDomain.class)
                .dhcpcd();
        HelperFigures.Crash crash = LabRun.figures(Scenarios.HELPER_CRASH, HelperFigures.Crash.class);
        assertAll(
                () -> assertTrue(r.restartMs() < 5000, "started again within 5 s"),
                () -> assertTrue(r.addressKept()),
                () -> assertEquals("running", r.stateAfter()),
                () -> assertTrue(crash.dhcpcdAdopted(), "the helper's restart left dhcpcd alone"));
    }

    @Test
    @DisplayName("addressing 3b: a DHCP server's domain name with a newline and resolver lines never reaches resolv.conf")
    void hostileDomainNameIsDropped() {
        HelperFigures.HostileDomain r =
                LabRun.figures(Scenarios.HELPER_HOSTILE_DOMAIN, HelperFigures.HostileDomain.class);
        assertAll(
                () -> assertTrue(r.droppedMs() >= 0,
                        "the helper saw the forged option and said it dropped it (else this case proves nothing)"),
                () -> assertTrue(r.warning().contains("\\x0anameserver 203.0.113.5"),
                        "said with the newline escaped, on one line: " + r.warning()),
                () -> assertFalse(r.injected(), r.resolvConf()),
                () -> assertTrue(r.resolvConf().contains("nameserver 192.168.50.1"),
                        "the server's real name server is still there: " + r.resolvConf()));
    }

    @Test
    @DisplayName("addressing 4: disable releases the lease, stops dhcpcd and gives resolv.conf back")
    void disableReleases() {
        HelperFigures.Disable r = LabRun.figures(Scenarios.HELPER_DISABLE, HelperFigures.Disable.class);
        assertAll(
                () -> assertTrue(r.dhcpReleased()),
                () -> assertFalse(r.dhcpcdRunning()),
                () -> assertTrue(r.resolvConfRestored()));
    }

    @Test
    @DisplayName("addressing 5: configured routes and route metric apply to static and DHCP routes alike")
    void routesAndMetric() {
        HelperFigures.Routes r = LabRun.figures(Scenarios.HELPER_ROUTES, HelperFigures.Routes.class);
        assertAll(
                () -> assertEquals(0, r.setup().exit(), r.setup().output()),
                () -> assertTrue(r.route().contains("10.99.0.0/16 via 192.168.50.1") && r.route().contains("proto static")
                        && r.route().contains("metric 300"), r.route()),
                () -> assertTrue(r.defaultRoute().contains("proto dhcp") && r.defaultRoute().contains("metric 300"),
                        r.defaultRoute()),
                () -> assertTrue(r.config().contains("route_metric = 300"), r.config()));
    }

    @Test
    @DisplayName("addressing 6: the DHCP server falls silent: the bond takes the fallback address, and a lease again later")
    void fallbackAddress() {
        HelperFigures.Routes r = LabRun.figures(Scenarios.HELPER_ROUTES, HelperFigures.Routes.class);
        assertAll(
                () -> assertEquals(0, r.fallback().exit(), r.fallback().output()),
                () -> assertTrue(r.fallbackAddressMs() >= 0),
                () -> assertEquals("fallback", r.fallbackState()),
                () -> assertTrue(r.fallbackAddresses().contains("192.168.50.249/24"), r.fallbackAddresses()),
                () -> assertTrue(r.fallbackPing(), "the LAN answers the fallback address"),
                () -> assertEquals(0, r.fallbackOffExit()),
                () -> assertTrue(r.leaseAgainMs() >= 0),
                () -> assertFalse(r.addressesAfter().contains("192.168.50.249"), r.addressesAfter()));
    }
}
