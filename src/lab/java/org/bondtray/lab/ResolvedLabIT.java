package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The helper next to Debian's systemd-resolved: the bond's name servers go to it over D-Bus. */
class ResolvedLabIT {

    @Test
    @DisplayName("systemd-resolved gets the bond's DHCP name servers and domain over D-Bus, resolves through them, and loses them on disable")
    void nameServersGoToResolved() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.RESOLVED);
        r.print("resolved.on_bus_ms", "helper.start_to_name_ms", "setup_exit", "lease_ms", "resolved.dns_after_lease_ms",
                "resolved.dns", "resolved.domain", "resolved.query_exit", "resolved.query", "resolv_conf_untouched",
                "disable_exit", "resolved.after_disable");
        assertAll(
                () -> assertEquals(0, r.number("setup_exit"), r.text("setup_output")),
                () -> assertTrue(r.number("resolved.dns_after_lease_ms") >= 0, "resolved never had the bond's servers"),
                () -> assertTrue(r.text("resolved.dns").contains("192.168.50.1"), r.text("resolved.dns")),
                () -> assertTrue(r.text("resolved.domain").contains("bondtray.lab"), r.text("resolved.domain")),
                () -> assertEquals(0, r.number("resolved.query_exit"), r.text("resolved.query")),
                () -> assertTrue(r.text("resolved.query").contains("192.168.50.1"), r.text("resolved.query")),
                () -> assertEquals("true", r.text("resolv_conf_untouched"), "resolved has the servers, not resolv.conf"),
                () -> assertEquals(0, r.number("disable_exit"), r.text("disable_output")),
                () -> assertEquals("gone", r.text("resolved.after_disable")));
    }

    @Test
    @DisplayName("a DHCP server's domain name with resolver directives in it reaches neither resolved nor resolv.conf")
    void hostileDomainIsNotFedToResolved() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.RESOLVED);
        r.print("hostile.dropped_ms", "hostile.domain", "hostile.dns", "hostile.fed", "hostile.resolv_conf_untouched");
        assertAll(
                () -> assertTrue(r.number("hostile.dropped_ms") >= 0, "the helper took the hostile lease and said so"),
                () -> assertEquals("false", r.text("hostile.fed"), r.text("hostile.domain") + " / " + r.text("hostile.dns")),
                () -> assertEquals("true", r.text("hostile.resolv_conf_untouched")));
    }
}
