package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Addresses on the bond as the helper keeps them: dhcpcd under the helper, the lease through
 * switchovers, name servers handed to the system. Judged from the helper scenario, whose cable
 * cuts serve both.
 */
class AddressingLabIT {
    private static ScenarioResult result() {
        return LabRun.shared().scenario(Scenarios.HELPER);
    }

    @Test
    @DisplayName("addressing 1: the helper runs dhcpcd once the bond carries traffic; lease and DNS in the API and the resolver")
    void helperRunsDhcp() {
        ScenarioResult r = result();
        r.print("dhcp.lease_ms", "dhcp.lease6_ms", "dhcp.state", "dhcp.address", "dhcp.server", "dhcp.lease_time",
                "dhcp.bond_address", "dhcp.dns", "dhcp.resolv_conf_ms", "dhcp.resolv_conf", "dhcp.config");
        assertAll(
                () -> assertEquals("running", r.text("dhcp.state")),
                () -> assertTrue(r.text("dhcp.bond_address").startsWith(r.text("dhcp.address") + "/24"),
                        r.text("dhcp.address") + " vs " + r.text("dhcp.bond_address")),
                () -> assertEquals("192.168.50.1", r.text("dhcp.server")),
                () -> assertEquals(3600, r.number("dhcp.lease_time")),
                () -> assertTrue(r.text("dhcp.dns").contains("192.168.50.1"), r.text("dhcp.dns")),
                () -> assertTrue(r.text("dhcp.resolv_conf").contains("nameserver 192.168.50.1"), r.text("dhcp.resolv_conf")),
                () -> assertTrue(r.text("dhcp.config").contains("duid") && r.text("dhcp.config").contains("iaid "),
                        r.text("dhcp.config")));
    }

    @Test
    @DisplayName("addressing 2: the lease survives twenty switchovers: same IPv4 and IPv6, one client at the server")
    void leaseSurvivesSwitchovers() {
        ScenarioResult r = result();
        r.print("cuts.count", "dhcp.v4_before", "dhcp.v4_after", "dhcp.v6_before", "dhcp.v6_after",
                "dhcp.cuts_request", "dhcp.cuts_ack", "dhcp.cuts_discover", "dhcp.cuts_nak", "dhcp.cuts_release", "dhcp.client_leases", "dhcp.client_id_prefix");
        assertAll(
                () -> assertEquals(10, r.number("cuts.count"), "ten cuts and ten restores"),
                () -> assertFalse(r.text("dhcp.v4_before").isEmpty()),
                () -> assertEquals(r.text("dhcp.v4_before"), r.text("dhcp.v4_after")),
                () -> assertFalse(r.text("dhcp.v6_before").isEmpty()),
                () -> assertEquals(r.text("dhcp.v6_before"), r.text("dhcp.v6_after")),
                () -> assertEquals(0, r.number("dhcp.cuts_discover"), "no new client: no DHCPDISCOVER"),
                // dhcpcd renews after switchovers (coalesced while the cable toggles), and is answered.
                () -> assertTrue(r.number("dhcp.cuts_ack") >= 1, "renewals answered during the cuts"),
                () -> assertEquals(0, r.number("dhcp.cuts_nak")),
                () -> assertEquals(0, r.number("dhcp.cuts_release")),
                () -> assertEquals(1, r.number("dhcp.client_leases"), "one lease for the helper's client id"));
    }

    @Test
    @DisplayName("addressing 3: dhcpcd killed is started again with the address kept; a restarted helper adopts it")
    void dhcpcdIsSupervised() {
        ScenarioResult r = result();
        r.print("dhcpcd.pid_before", "dhcpcd.restart_ms", "dhcpcd.address_kept", "dhcpcd.running_ms", "dhcpcd.state_after",
                "crash.dhcpcd_adopted");
        assertAll(
                () -> assertTrue(r.number("dhcpcd.restart_ms") < 5000, "started again within 5 s"),
                () -> assertEquals("true", r.text("dhcpcd.address_kept")),
                () -> assertEquals("running", r.text("dhcpcd.state_after")),
                () -> assertEquals("true", r.text("crash.dhcpcd_adopted"), "the helper's restart left dhcpcd alone"));
    }

    @Test
    @DisplayName("addressing 3b: a DHCP server's domain name with a newline and resolver lines never reaches resolv.conf")
    void hostileDomainNameIsDropped() {
        ScenarioResult r = result();
        r.print("hostile_domain.dropped_ms", "hostile_domain.warning", "hostile_domain.resolv_conf", "hostile_domain.dns");
        assertAll(
                () -> assertTrue(r.number("hostile_domain.dropped_ms") >= 0,
                        "the helper saw the forged option and said it dropped it (else this case proves nothing)"),
                () -> assertTrue(r.text("hostile_domain.warning").contains("\\x0anameserver 203.0.113.5"),
                        "said with the newline escaped, on one line: " + r.text("hostile_domain.warning")),
                () -> assertEquals("false", r.text("hostile_domain.injected"), r.text("hostile_domain.resolv_conf")),
                () -> assertTrue(r.text("hostile_domain.resolv_conf").contains("nameserver 192.168.50.1"),
                        "the server's real name server is still there: " + r.text("hostile_domain.resolv_conf")));
    }

    @Test
    @DisplayName("addressing 4: disable releases the lease, stops dhcpcd and gives resolv.conf back")
    void disableReleases() {
        ScenarioResult r = result();
        r.print("disable.dhcp_released", "disable.dhcpcd_running", "disable.resolv_conf_restored");
        assertAll(
                () -> assertEquals("true", r.text("disable.dhcp_released")),
                () -> assertEquals("false", r.text("disable.dhcpcd_running")),
                () -> assertEquals("true", r.text("disable.resolv_conf_restored")));
    }

    @Test
    @DisplayName("addressing 5: configured routes and route metric apply to static and DHCP routes alike")
    void routesAndMetric() {
        ScenarioResult r = result();
        r.print("routes.exit", "routes.route_ms", "routes.dhcp_default_ms", "routes.route", "routes.default",
                "routes.config");
        assertAll(
                () -> assertEquals(0, r.number("routes.exit"), r.text("routes.output")),
                () -> assertTrue(r.text("routes.route").contains("10.99.0.0/16 via 192.168.50.1")
                        && r.text("routes.route").contains("proto static") && r.text("routes.route").contains("metric 300"),
                        r.text("routes.route")),
                () -> assertTrue(r.text("routes.default").contains("proto dhcp")
                        && r.text("routes.default").contains("metric 300"), r.text("routes.default")),
                () -> assertTrue(r.text("routes.config").contains("route_metric = 300"), r.text("routes.config")));
    }

    @Test
    @DisplayName("addressing 6: the DHCP server falls silent: the bond takes the fallback address, and a lease again later")
    void fallbackAddress() {
        ScenarioResult r = result();
        r.print("fallback.exit", "fallback.address_ms", "fallback.state", "fallback.addresses", "fallback.ping",
                "fallback.off_exit", "fallback.lease_again_ms", "fallback.addresses_after");
        assertAll(
                () -> assertEquals(0, r.number("fallback.exit"), r.text("fallback.output")),
                () -> assertTrue(r.number("fallback.address_ms") >= 0),
                () -> assertEquals("fallback", r.text("fallback.state")),
                () -> assertTrue(r.text("fallback.addresses").contains("192.168.50.249/24"), r.text("fallback.addresses")),
                () -> assertEquals("true", r.text("fallback.ping"), "the LAN answers the fallback address"),
                () -> assertEquals(0, r.number("fallback.off_exit")),
                () -> assertTrue(r.number("fallback.lease_again_ms") >= 0),
                () -> assertFalse(r.text("fallback.addresses_after").contains("192.168.50.249"),
                        r.text("fallback.addresses_after")));
    }
}
