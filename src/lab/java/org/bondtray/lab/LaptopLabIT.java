package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bondtray.lab.guest.Scenarios;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The installed package on a booted laptop: systemd as PID 1, the helper under its unit and
 * sandbox, alice logged in on the seat, polkit with only the package's policy.
 */
class LaptopLabIT {

    @Test
    @DisplayName("installed: the unit's sandbox is in force, and alice's first status starts the helper by activation")
    void sandboxAndActivation() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("unit.RestrictAddressFamilies", "unit.CapabilityBoundingSet", "unit.AmbientCapabilities",
                "unit.ProtectSystem", "unit.ProtectHome", "unit.NoNewPrivileges", "proc.CapEff", "proc.CapPrm",
                "proc.CapBnd", "proc.CapAmb", "activation.status_ms", "activation.to_name_ms", "activation.cgroup",
                "unit.UMask", "unit.DevicePolicy", "unit.ProtectKernelModules", "unit.ProtectKernelLogs",
                "unit.IPAddressDeny", "unit.SystemCallFilter_set", "unit.SystemCallErrorNumber", "unit.exposure");
        assertAll(
                () -> assertEquals("0077", r.text("unit.UMask")),
                () -> assertEquals("closed", r.text("unit.DevicePolicy")),
                () -> assertEquals("yes", r.text("unit.ProtectKernelModules")),
                () -> assertEquals("yes", r.text("unit.ProtectKernelLogs")),
                () -> assertEquals("true", r.text("unit.SystemCallFilter_set")),
                // 4.8 before this hardening (systemd-analyze security --offline=true on the unit file).
                () -> assertTrue(Double.parseDouble(r.text("unit.exposure")) <= 3.0, "exposure " + r.text("unit.exposure")),
                // systemctl lists them sorted.
                () -> assertEquals("AF_NETLINK AF_PACKET AF_UNIX", r.text("unit.RestrictAddressFamilies")),
                () -> assertEquals("cap_kill cap_net_admin cap_net_raw", r.text("unit.CapabilityBoundingSet")),
                () -> assertEquals("strict", r.text("unit.ProtectSystem")),
                () -> assertEquals("yes", r.text("unit.ProtectHome")),
                () -> assertEquals("yes", r.text("unit.NoNewPrivileges")),
                // The process itself holds these two and nothing else, though it runs as root.
                () -> assertEquals("cap_kill cap_net_admin cap_net_raw", r.text("proc.CapEff")),
                () -> assertEquals("cap_kill cap_net_admin cap_net_raw", r.text("proc.CapBnd")),
                () -> assertEquals("false", r.text("activation.on_bus_before")),
                () -> assertEquals(0, r.number("activation.status_exit"), "status started the helper"),
                () -> assertTrue(r.text("activation.cgroup").endsWith("/system.slice/bondtray-helper.service"),
                        "the bus had systemd start the unit: " + r.text("activation.cgroup")),
                () -> assertTrue(r.number("activation.to_name_ms") > 0));
    }

    @Test
    @DisplayName("alice's session: active and local on seat0, the tray from XDG autostart on her panel")
    void aliceIsLoggedIn() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("session", "tray.unit", "tray.on_panel_ms");
        String session = r.text("session");
        assertAll(
                () -> assertTrue(session.contains("Active=yes"), session),
                () -> assertTrue(session.contains("Remote=no"), session),
                () -> assertTrue(session.contains("Seat=seat0"), session),
                () -> assertTrue(session.contains("Class=user"), session),
                () -> assertTrue(r.text("tray.unit").contains("ActiveState=active"), r.text("tray.unit")),
                () -> assertTrue(r.number("tray.on_panel_ms") >= 0));
    }

    @Test
    @DisplayName("polkit's own answers: mallory and a wrong administrator's password are refused and change nothing")
    void refusals() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("mallory.setup.exit", "mallory.setup.output", "mallory.switch.exit", "mallory.switch.output",
                "wrong_password.setup.exit", "wrong_password.setup.output", "wrong_password.dialogs",
                "wrong_password.cancelled", "refused.bond_exists", "refused.config_unchanged");
        assertAll(
                () -> assertEquals(4, r.number("mallory.setup.exit"), r.text("mallory.setup.output")),
                () -> assertTrue(r.text("mallory.setup.output").contains("not authorized"), r.text("mallory.setup.output")),
                () -> assertEquals(4, r.number("mallory.switch.exit"), r.text("mallory.switch.output")),
                () -> assertEquals(4, r.number("wrong_password.setup.exit"), r.text("wrong_password.setup.output")),
                () -> assertEquals(1, r.number("wrong_password.dialogs"), "the agent asked, and was given a wrong password"),
                () -> assertEquals("false", r.text("refused.bond_exists")),
                () -> assertEquals("true", r.text("refused.config_unchanged")));
    }

    @Test
    @DisplayName("alice sets the bond up from the tray's Settings with the administrator's password;"
            + " same-network verdict under the sandbox")
    void setupUnderTheUnit() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("tray_settings.window_ms", "tray_settings.up_ms", "tray_settings.total_ms", "tray_settings.ports",
                "setup.dialogs", "setup.up_ms", "setup.address_ms", "verdict.ms", "verdict.network", "switch.exit",
                "switch.dialogs", "disable.exit");
        assertAll(
                () -> assertTrue(r.number("tray_settings.window_ms") >= 0, "Settings… opened the window"),
                () -> assertEquals("eth0 wlan0", r.text("tray_settings.ports"),
                        "Apply with nothing ticked bonds the first cable and the first Wi-Fi"),
                () -> assertEquals(1, r.number("setup.dialogs"), "configure asks the administrator once"),
                () -> assertTrue(r.number("setup.address_ms") >= 0),
                // The ARP probe needs AF_PACKET and CAP_NET_RAW: without them no gateway answers.
                () -> assertEquals("same-network", r.text("verdict.network")),
                () -> assertEquals(0, r.number("switch.exit"), "switch is allowed for her active session"),
                () -> assertEquals(0, r.number("switch.dialogs"), "without a password"),
                () -> assertEquals(0, r.number("disable.exit")));
    }

    @Test
    @DisplayName("ten of alice's Setup calls wait on a dialog nobody answers: at most two wait, the rest are Busy, reads and her switch still answer")
    void anUnansweredAgentStallsNobody() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("stalled.bus_read_quiet_ms", "stalled.bus_read_ms", "stalled.read_quiet_ms", "stalled.dialog_shown", "stalled.read_ms", "stalled.control_ms", "stalled.read_exit", "stalled.switch_quiet_ms", "stalled.switch_ms",
                "stalled.switch_output", "stalled.busy", "stalled.waited_to_the_end", "stalled.dialog_gone_ms",
                "stalled.checks_ended_ms", "stalled.checks_ended", "stalled.dialog_left_over");
        assertAll(
                () -> assertEquals("true", r.text("stalled.dialog_shown"), "polkit was asking (else this proves nothing)"),
                () -> assertTrue(r.number("stalled.waited_to_the_end") <= 2, "at most two of hers wait for polkit"),
                () -> assertTrue(r.number("stalled.busy") >= 6, "the rest are refused at once, as Busy"),
                () -> assertEquals(0, r.number("stalled.read_exit")),
                () -> assertTrue(r.number("stalled.bus_read_ms") < 1000, "the helper answers a read within 1 s"),
                // alice's gdbus calls include a process's start on the emulated CPU, which the dialog
                // and the waiting callers share (runs: 1.9-3.5 s quiet, 5.4-5.7 s loaded, while the
                // bus read above took 0.15 s). Each is held against a call of the same kind to the
                // bus daemon under the same load: what is left is the helper's (and polkit's) share.
                () -> assertTrue(r.number("stalled.read_ms") < r.number("stalled.control_ms") + 1000,
                        "a read answers within 1 s of a call to the bus daemon: " + r.text("stalled.control_ms")),
                () -> assertTrue(r.number("stalled.switch_ms") < r.number("stalled.control_ms") + 2000,
                        "another call too (polkit asked, within 2 s): " + r.text("stalled.switch_output")),
                // No bond yet: NotFound is the helper's real answer, not a Busy behind her configures.
                () -> assertTrue(r.text("stalled.switch_output").contains("org.bondtray.Error.NotFound"),
                        "her switch is not held up by her configures: " + r.text("stalled.switch_output")),
                // The helper's part: polkitd ended each waiting check once its caller had gone. The
                // dialog then goes too, unless polkit-gnome's agent keeps it (2 targeted runs of 5 on
                // 2026-12-07, after polkitd had ended both checks): printed, not judged.
                () -> assertTrue(r.number("stalled.checks_ended_ms") >= 0, "the checks ended with their callers: "
                        + r.text("stalled.checks_ended")));
    }

    @Test
    @DisplayName("alice's and mallory's hostile calls (over 700): each a typed error within 1 s (3 s for 3000 entries); nothing asked, nothing changed")
    void hostileCallsChangeNothing() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("hostile.count", "hostile.cold.max_ms", "hostile.cold.slowest", "hostile.alice.count", "hostile.alice.max_ms", "hostile.alice.slowest",
                "hostile.alice.errors", "hostile.mallory.count", "hostile.mallory.max_ms", "hostile.mallory.slowest",
                "hostile.mallory.errors", "hostile.dialogs", "hostile.same_helper", "hostile.bond_changes",
                "hostile.files_unchanged");
        assertAll(
                () -> assertTrue(r.number("hostile.count") >= 300, "at least 300 calls"),
                () -> assertEquals("", r.text("hostile.cold.accepted"), "none of the first run's was taken"),
                () -> assertEquals("", r.text("hostile.cold.untyped"), "every one of the first run's got a typed error"),
                () -> assertEquals("", r.text("hostile.alice.accepted"), "none of alice's was taken"),
                () -> assertEquals("", r.text("hostile.mallory.accepted"), "none of mallory's was taken"),
                () -> assertEquals("", r.text("hostile.alice.untyped"), "every one of alice's got a typed error"),
                () -> assertEquals("", r.text("hostile.mallory.untyped"), "every one of mallory's got a typed error"),
                () -> assertEquals("", r.text("hostile.alice.over_1s"), "each within 1 s"),
                () -> assertEquals("", r.text("hostile.mallory.over_1s"), "each within 1 s"),
                // 3000 entries are decoded by the bus library before any check of the helper's:
                // 0.7-2.5 s on the lab's emulated CPU (TCG), so these are given 3 s.
                () -> assertEquals("", r.text("hostile.alice.bulky_over_3s"), "3000 entries within 3 s"),
                () -> assertEquals("", r.text("hostile.mallory.bulky_over_3s"), "3000 entries within 3 s"),
                () -> assertEquals(0, r.number("hostile.dialogs"), "no call got as far as polkit's dialog"),
                () -> assertEquals("true", r.text("hostile.same_helper"), "the helper stayed up"),
                () -> assertEquals("", r.text("hostile.bond_changes"), "what a caller decides stayed as it was"),
                () -> assertEquals("true", r.text("hostile.files_unchanged")));
    }

    @Test
    @DisplayName("mallory's forged Switchover, RolledBack and PropertiesChanged reach neither alice's tray nor her watch")
    void forgedSignalsAreIgnored() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("forged.sent", "forged.emit_error", "forged.watch", "forged.notifications");
        assertAll(
                () -> assertEquals(3, r.number("forged.sent"), "the bus let mallory send them: " + r.textOr("forged.emit_error", "")),
                () -> assertEquals("true", r.text("forged.watch_saw_real"), "watch shows the helper's own switchover"),
                () -> assertEquals("false", r.text("forged.watch_believed"), r.text("forged.watch")),
                () -> assertEquals("false", r.text("forged.notified"), r.text("forged.notifications")));
    }

    @Test
    @DisplayName("mallory's names where addresses belong: each refused, and root asks no name server (strace on every thread)")
    void namesAreNeverLookedUp() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("lookups.calls", "lookups.refused", "lookups.threads", "lookups.attached", "lookups.attach_ms",
                "lookups.traced_lines", "lookups.name_lookups", "lookups.answers");
        assertAll(
                () -> assertEquals(r.number("lookups.calls"), r.number("lookups.refused"), r.text("lookups.answers")),
                () -> assertTrue(r.number("lookups.attached") >= r.number("lookups.threads"), "strace watched every thread"),
                () -> assertEquals("", r.text("lookups.name_lookups")));
    }

    @Test
    @DisplayName("a resolvconf that never answers is killed after 10 s with what it started; the helper answers and goes on")
    void aHungResolvconfHoldsNothing() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("hung.resolvconf_before", "hung.started_ms", "hung.killed_ms", "hung.since_restart_ms", "hung.read_while_waiting_ms",
                "hung.children", "hung.children_left", "hung.same_helper", "hung.change_while_waiting_ms",
                "hung.change_while_waiting", "hung.change_children_alive", "hung.warning", "hung.switch_exit", "hung.switch_ms",
                "hung.recovered_ms", "hung.resolvconf_got");
        assertAll(
                () -> assertNotEquals("[]", r.text("hung.children"), "resolvconf was run and hung"),
                () -> assertEquals(0, r.number("hung.children_left"), "the hung resolvconf and its child are gone"),
                () -> assertTrue(r.number("hung.killed_ms") >= 0 && r.number("hung.killed_ms") <= 11_000,
                        "killed within the 10 s bound of its start"),
                () -> assertEquals("true", r.text("hung.same_helper")),
                () -> assertTrue(r.number("hung.read_while_waiting_ms") >= 0
                        && r.number("hung.read_while_waiting_ms") < 1000, "reads are served while the worker waits"),
                () -> assertTrue(r.text("hung.warning").contains("resolvconf"), r.text("hung.warning")),
                () -> assertEquals(0, r.number("hung.switch_exit"), r.text("hung.switch_output")),
                () -> assertTrue(r.text("hung.change_while_waiting").startsWith("0")
                        && r.number("hung.change_while_waiting_ms") < 5000, "alice's change is served while resolvconf "
                        + "hangs: " + r.text("hung.change_while_waiting") + ", " + r.text("hung.change_while_waiting_ms") + " ms"),
                () -> assertEquals("true", r.text("hung.change_children_alive"), "it still hung when the change was done"),
                () -> assertTrue(r.number("hung.recovered_ms") >= 0, "resolvconf got the servers once it answered"),
                () -> assertTrue(r.text("hung.resolvconf_got").contains("nameserver 192.168.50.1"),
                        r.text("hung.resolvconf_got")));
    }

    @Test
    @DisplayName("an access point named with an escape, a newline and a bidi override: list, join, status, tooltip and journals show it escaped")
    void aHostileSsidIsShownEscaped() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("hostile_ssid.shown", "hostile_ssid.listed_ms", "hostile_ssid.list.text", "hostile_ssid.join_exit",
                "hostile_ssid.join.text", "hostile_ssid.status_ms", "hostile_ssid.status.text", "hostile_ssid.tooltip_ms",
                "hostile_ssid.tooltip", "hostile_ssid.journal_controls", "hostile_ssid.journal_forged_lines",
                "hostile_ssid.journal_mentions");
        assertAll(
                () -> assertTrue(r.number("hostile_ssid.listed_ms") >= 0, "alice's list shows it escaped: " + r.text("hostile_ssid.list.text")),
                () -> assertEquals(0, r.number("hostile_ssid.join_exit"), r.text("hostile_ssid.join.text")),
                () -> assertTrue(r.number("hostile_ssid.status_ms") >= 0, "status shows it escaped: " + r.text("hostile_ssid.status.text")),
                () -> assertTrue(r.number("hostile_ssid.tooltip_ms") >= 0, "the tooltip shows it escaped: " + r.text("hostile_ssid.tooltip")),
                () -> assertEquals(0, r.number("hostile_ssid.list.controls") + r.number("hostile_ssid.join.controls")
                        + r.number("hostile_ssid.status.controls"), "no control character reached her terminal"),
                () -> assertEquals(0, r.number("hostile_ssid.list.forged_lines") + r.number("hostile_ssid.join.forged_lines")
                        + r.number("hostile_ssid.status.forged_lines"), "no line of her terminal starts with the SSID's own"),
                () -> assertEquals(0, r.number("hostile_ssid.journal_controls"), "no control character in the journals"),
                () -> assertEquals(0, r.number("hostile_ssid.journal_forged_lines"), "no forged journal record"));
    }

    @Test
    @DisplayName("office walk: cable on the LAN, Wi-Fi on the café; pulled: the café's address and router, plugged back: the LAN's")
    void aWalkToAnotherNetworkGetsItsAddress() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("walk.verdict_ms", "walk.address_before", "walk.ahead_ms", "walk.ahead_lease", "walk.cafe_router_ms",
                "walk.cafe_address_ms",
                "walk.cut_to_answer_ms", "walk.address_on_wifi", "walk.cafe.offer_wait_ms", "walk.cafe.dhcp",
                "walk.routes_on_wifi", "walk.lan_router_ms", "walk.back_ms", "walk.lan_address_ms", "walk.address_back",
                "walk.routes_back", "walk.back.offer_wait_ms", "walk.back.dhcp", "walk.cafe_router6_ms",
                "walk.address6_on_wifi", "walk.routes6_on_wifi", "walk.lan_router6_ms", "walk.address6_back",
                "walk.routes6_back",
                "walk.helper_said", "walk.notices");
        // The goal is 3 s each way. Under emulation a new dhcpcd takes about 2 s from the
        // switchover to its first DISCOVER, and the café's dnsmasq waits 3 s before it offers an
        // address to a client it does not know (its ping check); both are printed above. The
        // bound here is what separates a fix from the fault (the café never answered: a dead
        // LAN address kept for the lease's hour).
        assertAll(
                () -> assertTrue(r.number("walk.verdict_ms") >= 0, "the helper saw two networks"),
                () -> assertTrue(r.number("walk.cafe_router_ms") >= 0 && r.number("walk.cafe_router_ms") <= 10_000,
                        "the café's router answers within 10 s of the cut: " + r.text("walk.cafe_router_ms")),
                () -> assertTrue(r.text("walk.ahead_lease").startsWith("192.168.60."),
                        "a dhcpcd on the Wi-Fi held the café's lease before the walk: " + r.text("walk.ahead_lease")),
                () -> assertEquals(r.text("walk.ahead_lease"), r.text("walk.address_on_wifi").replaceAll("/.*", ""),
                        "the bond got the address held ahead: the café's server knew it as the same client"),
                () -> assertTrue(r.number("walk.cafe.offer_wait_ms") >= 0 && r.number("walk.cafe.offer_wait_ms") < 1000,
                        "the café's server offered it without checking a new address first (3 s before): "
                                + r.text("walk.cafe.offer_wait_ms")),
                () -> assertTrue(r.text("walk.address_on_wifi").startsWith("192.168.60.")
                        && !r.text("walk.address_on_wifi").contains("192.168.50."), "the café's address alone: "
                        + r.text("walk.address_on_wifi")),
                () -> assertTrue(r.number("walk.lan_router_ms") >= 0 && r.number("walk.lan_router_ms") <= 10_000,
                        "the LAN's router answers within 10 s of the cable: " + r.text("walk.lan_router_ms")),
                () -> assertTrue(r.text("walk.address_back").startsWith("192.168.50.")
                        && !r.text("walk.address_back").contains("192.168.60."), "the LAN's address alone: "
                        + r.text("walk.address_back")),
                () -> assertFalse(r.text("walk.routes_on_wifi").contains("192.168.50."),
                        "no route of the LAN's on the café: " + r.text("walk.routes_on_wifi")),
                () -> assertFalse(r.text("walk.routes_back").contains("192.168.60."),
                        "no route of the café's on the LAN: " + r.text("walk.routes_back")),
                () -> assertTrue(r.number("walk.cafe_router6_ms") >= 0, "IPv6 follows to the café: its router answers, "
                        + "and the bond holds the café's IPv6 addresses alone: " + r.text("walk.address6_on_wifi")),
                () -> assertFalse(r.text("walk.routes6_on_wifi").contains("fd00:50:")
                        || r.text("walk.routes6_on_wifi").contains("fe80::b7:ff:fe50:1"),
                        "no IPv6 route of the LAN's on the café: " + r.text("walk.routes6_on_wifi")),
                () -> assertTrue(r.number("walk.lan_router6_ms") >= 0, "IPv6 follows back to the LAN: "
                        + r.text("walk.address6_back")),
                () -> assertFalse(r.text("walk.routes6_back").contains("fd00:60:")
                        || r.text("walk.routes6_back").contains("fe80::b7:ff:fe60:1"),
                        "no IPv6 route of the café's on the LAN: " + r.text("walk.routes6_back")),
                () -> assertEquals(2, r.number("walk.helper_said"), "one new dhcpcd each way"),
                () -> assertTrue(r.text("walk.notices").matches(".*Now on Wi-Fi \\(bondtray-cafe\\): [^;|]*; another network: "
                        + "connections were reset, new address 192\\.168\\.60\\..*"), "alice's tray: " + r.text("walk.notices")),
                () -> assertTrue(r.text("walk.notices").matches(".*Back on the cable[^:|]*: [^;|]*; another network: "
                        + "connections were reset, new address 192\\.168\\.50\\..*"), "alice's tray: " + r.text("walk.notices")));
    }

    @Test
    @DisplayName("the tray's neighbours restart: it is on the new panel, and its next notice reaches the new server")
    void theTrayOutlivesItsPanelAndNotificationServer() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("neighbours.panel_gone_ms", "neighbours.tray_on_new_panel_ms", "neighbours.restart_to_tray_ms",
                "neighbours.panel_items", "neighbours.new_server_ms", "neighbours.displayed_ms", "neighbours.notices");
        assertAll(
                () -> assertTrue(r.number("neighbours.panel_gone_ms") >= 0, "the panel went away"),
                () -> assertTrue(r.number("neighbours.tray_on_new_panel_ms") >= 0, "the tray is on the new panel"),
                () -> assertTrue(r.number("neighbours.new_server_ms") >= 0, "a new notification server"),
                () -> assertTrue(r.number("neighbours.displayed_ms") >= 0, "the next notice is on her screen"),
                () -> assertTrue(r.text("neighbours.notices").contains("Now on Wi-Fi"), r.text("neighbours.notices")));
    }

    @Test
    @DisplayName("preferred network: the LAN's Wi-Fi was seen same-network; with the café known too, every new association goes to the LAN's")
    void theWifiThatKeepsConnectionsIsPreferred() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("preferred.keeping_ms", "preferred.keeping", "preferred.ranked_ms", "preferred.priorities",
                "preferred.joined", "preferred.helper_said", "step.preferred.error");
        assertAll(
                () -> assertEquals("", r.textOr("step.preferred.error", "")),
                () -> assertEquals("bondtray-lan", r.text("preferred.keeping"), "the helper remembers the LAN's Wi-Fi"),
                () -> assertEquals("bondtray-cafe=0 bondtray-lan=1", r.text("preferred.priorities"),
                        "wpa_supplicant was told to prefer it"),
                () -> assertEquals("bondtray-lan bondtray-lan bondtray-lan", r.text("preferred.joined")));
    }

    @Test
    @DisplayName("roam: on Wi-Fi with the cable out, its access point goes and the café is joined: the café's address")
    void aRoamToAnotherNetworkGetsItsAddress() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("roam.on_wifi_ms", "roam.address_before", "roam.joined_cafe_ms", "roam.cafe_router_ms",
                "roam.ap_gone_to_answer_ms", "roam.address_after", "roam.helper_said", "roam.lan_back_ms",
                "roam.cafe_router6_ms", "roam.address6_after", "roam.helper_took");
        assertAll(
                () -> assertTrue(r.number("roam.joined_cafe_ms") >= 0, "wpa_supplicant joined the café"),
                () -> assertTrue(r.number("roam.cafe_router_ms") >= 0 && r.number("roam.cafe_router_ms") <= 10_000,
                        "the café's router answers, with the café's address, within 10 s of joining it: "
                                + r.text("roam.cafe_router_ms")),
                () -> assertTrue(r.text("roam.address_after").startsWith("192.168.60."), r.text("roam.address_after")),
                () -> assertEquals(1, r.number("roam.helper_said"), "the helper saw the join"),
                () -> assertTrue(r.number("roam.cafe_router6_ms") >= 0, "IPv6 follows the roam: "
                        + r.text("roam.address6_after")),
                () -> assertFalse(r.text("roam.helper_took").contains("fd00:60:"),
                        "the café's own IPv6 address is not taken off as the LAN's (the addresses the helper took "
                        + "off in the roam): " + r.text("roam.helper_took")),
                () -> assertTrue(r.number("roam.lan_back_ms") >= 0, "the LAN again afterwards"));
    }

    @Test
    @DisplayName("suspend and resume (systemctl suspend, logind, the kernel's freezer): nothing changed, the cable pulled, the cable plugged in, the lease over during the sleep")
    void suspendAndResume() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("sleep.quiet.slept_ms", "sleep.quiet.router_ms", "sleep.quiet.address", "sleep.quiet.active",
                "sleep.quiet.notices", "sleep.cut.slept_ms", "sleep.cut.router_ms", "sleep.cut.address", "sleep.cut.active",
                "sleep.cut.notices", "sleep.plug.slept_ms", "sleep.plug.router_ms", "sleep.plug.active", "sleep.plug.notices",
                "sleep.expired.address_before", "sleep.expired.slept_ms", "sleep.expired.router_ms",
                "sleep.expired.new_lease_ms", "sleep.expired.address", "sleep.expired.active", "sleep.expired.notices",
                "sleep.helper_said", "step.sleep.error");
        assertAll(
                () -> assertEquals("", r.textOr("step.sleep.error", "")),
                () -> assertEquals(4, r.number("sleep.helper_said"), "the helper heard each wake-up from logind"),
                () -> assertTrue(r.number("sleep.quiet.router_ms") >= 0 && r.number("sleep.quiet.router_ms") <= 5_000,
                        "the router answers within 5 s of the wake-up: " + r.text("sleep.quiet.router_ms")),
                () -> assertEquals("eth0", r.text("sleep.quiet.active")),
                () -> assertEquals(0, r.number("sleep.quiet.notice_count"), "nothing changed, nothing said: "
                        + r.text("sleep.quiet.notices")),
                () -> assertTrue(r.number("sleep.cut.router_ms") >= 0 && r.number("sleep.cut.router_ms") <= 5_000,
                        "on the Wi-Fi, the router answers within 5 s of the wake-up: " + r.text("sleep.cut.router_ms")),
                () -> assertEquals("wlan0", r.text("sleep.cut.active")),
                () -> assertTrue(r.text("sleep.cut.address").startsWith("192.168.50."), r.text("sleep.cut.address")),
                () -> assertEquals(1, r.number("sleep.cut.notice_count"), "one notice after the sleep, no more: "
                        + r.text("sleep.cut.notices")),
                () -> assertTrue(r.text("sleep.cut.notices").contains("Now on Wi-Fi"), r.text("sleep.cut.notices")),
                () -> assertTrue(r.number("sleep.plug.router_ms") >= 0 && r.number("sleep.plug.router_ms") <= 5_000,
                        "back on the cable, the router answers within 5 s of the wake-up: " + r.text("sleep.plug.router_ms")),
                () -> assertEquals("eth0", r.text("sleep.plug.active")),
                () -> assertTrue(r.number("sleep.plug.notice_count") <= 1, "at most one notice: " + r.text("sleep.plug.notices")),
                // The lease over while asleep: dhcpcd's own renewal would come half an hour later.
                // The helper's renewal waits 2 s for the links to settle, the server refuses it,
                // and its offer of a new address waits for its own ping check (3 s in this lab).
                () -> assertTrue(r.number("sleep.expired.new_lease_ms") >= 0 && r.number("sleep.expired.new_lease_ms") <= 15_000,
                        "the server's new address within 15 s of the wake-up: " + r.text("sleep.expired.new_lease_ms")
                                + " ms, " + r.text("sleep.expired.address")),
                () -> assertTrue(r.number("sleep.expired.router_ms") >= 0 && r.number("sleep.expired.router_ms") <= 5_000,
                        "the router answers within 5 s of the wake-up: " + r.text("sleep.expired.router_ms")),
                () -> assertFalse(r.text("sleep.expired.address").contains(r.text("sleep.expired.address_before")),
                        "the refused address is gone: " + r.text("sleep.expired.address")),
                () -> assertTrue(r.number("sleep.expired.notice_count") <= 1, "at most one notice: "
                        + r.text("sleep.expired.notices")));
    }

    @Test
    @DisplayName("no system bus: bondtray status says so with exit 3 at once; --version and --help need none")
    void noBusIsSaidAtOnce() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("no_bus.status.ms", "no_bus.status.exit", "no_bus.status.said", "no_bus.version.ms",
                "no_bus.version.exit", "no_bus.version.said", "no_bus.help.ms", "no_bus.help.exit");
        assertAll(
                () -> assertEquals(3, r.number("no_bus.status.exit")),
                () -> assertTrue(r.text("no_bus.status.said").startsWith("bondtray: cannot reach the system bus"),
                        r.text("no_bus.status.said")),
                // The JVM's start is the floor under emulation, and status loads the bus library on
                // top (2.9 s against 1.9 s in CI); the old retries added 10 s. The host's figure
                // (0.35-0.44 s) is in docs/figures.md.
                () -> assertTrue(r.number("no_bus.status.ms") <= r.number("no_bus.version.ms") + 3000,
                        "no wait for a bus beyond the program's start"),
                () -> assertEquals(0, r.number("no_bus.version.exit")),
                () -> assertTrue(r.text("no_bus.version.said").matches("bondtray \\d+\\.\\d+\\.\\d+.*"),
                        r.text("no_bus.version.said")),
                () -> assertEquals(0, r.number("no_bus.help.exit")));
    }

    @Test
    @DisplayName("journalctl -u bondtray-helper -p warning holds the helper's warnings, one line per record")
    void journal() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.LAPTOP);
        r.print("journal.records", "journal.warnings", "journal.helper_warnings", "journal.info_records",
                "journal.warning_first",
                "journal.broken_lines");
        assertAll(
                () -> assertTrue(r.number("journal.helper_warnings") > 0, "the run's rollbacks warned"),
                () -> assertTrue(r.number("journal.info_records") > 0, "info records are not warnings"),
                () -> assertEquals(0, r.number("journal.broken_lines"), "every line is a record of its own"),
                () -> assertNotEquals("", r.text("journal.warning_first")));
    }
}
