package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bondtray.lab.guest.Scenarios;
import org.bondtray.testing.Prerequisites;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build's .deb and noarch tarball, installed, used and removed in the VM; and lintian's verdict. */
class PackageLabIT {

    @ParameterizedTest(name = "{0}: installed, helper activated, set up by the desktop user, removed to plain working ports")
    @ValueSource(strings = {"deb", "noarch"})
    void installUseRemove(String kind) {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.PACKAGE);
        r.print(kind + ".file", kind + ".install_ms", kind + ".install_exit", kind + ".setup_ms", kind + ".setup_exit",
                kind + ".helper_exe", kind + ".helper_jars", kind + ".up_ms", kind + ".status_output", kind + ".bond_ports", kind + ".remove_ms",
                kind + ".remove_exit", kind + ".after.bond_exists", kind + ".after.eth0_master",
                kind + ".after.wlan0_master", kind + ".after.helper_on_bus", kind + ".after.files_left",
                kind + ".after.wlan0_completed_ms", kind + ".after.eth0_lease_ms", kind + ".after.eth0_ping_exit");
        String error = r.textOr(kind + ".error", null);
        if (error != null) {
            fail(kind + " round failed in the VM: " + r.textOr(kind + ".error_trace", error));
        }
        assertAll(
                () -> assertEquals("false", r.text(kind + ".helper_on_bus_before"), "no helper runs before the install"),
                () -> assertEquals(0, r.number(kind + ".install_exit"), r.text(kind + ".install_output")),
                () -> assertEquals("true", r.text(kind + ".activatable"), "the bus can start the helper"),
                () -> assertEquals(0, r.number(kind + ".setup_exit"), r.text(kind + ".setup_output")),
                () -> assertTrue(kind.equals("deb") ? r.text(kind + ".helper_exe").equals("/usr/lib/bondtray/runtime/bin/java")
                                : r.text(kind + ".helper_exe").startsWith("/usr/lib/jvm/"),
                        "the bus started the installed helper on its own runtime (.deb) or the system's Java 25 (noarch): "
                                + r.text(kind + ".helper_exe")),
                () -> assertTrue(List.of(r.text(kind + ".helper_jars").split(" ")).containsAll(
                                List.of("bondtray-common.jar", "bondtray-helper.jar", "dbus-java-core-5.2.0.jar")),
                        "the helper's own module and common on its class path: " + r.text(kind + ".helper_jars")),
                () -> assertFalse(r.text(kind + ".helper_jars").contains("bondtray-client")
                                || r.text(kind + ".helper_jars").contains("javafx"),
                        "neither the client's code nor JavaFX on the root daemon's class path: " + r.text(kind + ".helper_jars")),
                () -> assertTrue(r.text(kind + ".status_output").contains("bond0: up"), r.text(kind + ".status_output")),
                () -> assertEquals("eth0 wlan0", r.text(kind + ".bond_ports")),
                () -> assertEquals(0, r.number(kind + ".remove_exit"), r.text(kind + ".remove_output")),
                () -> assertEquals("false", r.text(kind + ".after.bond_exists"), "removal removes the bond"),
                () -> assertEquals("", r.text(kind + ".after.eth0_master"), "eth0 is a plain interface again"),
                () -> assertEquals("", r.text(kind + ".after.wlan0_master"), "wlan0 is a plain interface again"),
                () -> assertEquals("false", r.text(kind + ".after.helper_on_bus"), "removal stops the helper"),
                () -> assertEquals("false", r.text(kind + ".after.files_left"), "removal takes the files away"),
                () -> assertTrue(r.number(kind + ".after.wlan0_completed_ms") >= 0, "wlan0 associates again"),
                () -> assertTrue(r.number(kind + ".after.eth0_lease_ms") >= 0, "eth0 gets a lease"),
                () -> assertEquals(0, r.number(kind + ".after.eth0_ping_exit"), "eth0 reaches the router"));
    }

    /**
     * The .deb round only: the noarch tarball's launchers are the same files, and the lab's system
     * Java is the JDK the .deb's runtime was linked from.
     */
    @Test
    @DisplayName("deb: the helper's class archive is made as it stops and shared by its next start, which adopts the bond")
    void helperClassArchive() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.PACKAGE);
        r.print("deb.class_archive.after_install", "deb.class_archive.after_stop", "deb.class_archive.mapped",
                "deb.class_archive.starts_ms");
        String error = r.textOr("deb.error", null);
        if (error != null) {
            fail("deb round failed in the VM: " + r.textOr("deb.error_trace", error));
        }
        assertAll(
                () -> assertEquals("false", r.text("deb.class_archive.after_install"),
                        "no class archive from an earlier install is left to mismatch the new jars"),
                () -> assertEquals("true", r.text("deb.class_archive.after_stop"),
                        "the helper's JVM wrote its class archive when it stopped, under the unit's sandbox"),
                () -> assertEquals("true", r.text("deb.class_archive.mapped"), "the next start shares its classes"),
                () -> assertEquals("true", r.text("deb.status_after_restart"), "the restarted helper adopted the bond"));
    }

    @Test
    @DisplayName("deb: the installed bondtray tray registers its icon and opens its status window on the display")
    void packagedTray() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.PACKAGE);
        r.print("deb.tray.registered_ms", "deb.tray.status_window_ms", "deb.tray.renderer", "deb.tray.unpacked_natives",
                "deb.tray.alive", "deb.tray.archive_ms", "deb.tray.archives");
        String error = r.textOr("deb.error", null);
        if (error != null) {
            fail("deb round failed in the VM: " + r.textOr("deb.error_trace", error));
        }
        assertAll(
                () -> assertTrue(r.number("deb.tray.registered_ms") >= 0, "the icon registers with the panel"),
                () -> assertTrue(r.number("deb.tray.status_window_ms") >= 0, "Status… opens a window on the display"),
                () -> assertEquals("com.sun.prism.sw.SWPipeline", r.text("deb.tray.renderer"),
                        "the window is drawn in software, with no graphics driver loaded"),
                () -> assertEquals("", r.text("deb.tray.unpacked_natives"),
                        "JavaFX loads its native libraries from the package, none unpacked into the user's home"),
                () -> assertEquals("true", r.text("deb.tray.alive"), "the tray keeps running"),
                () -> assertTrue(r.text("deb.tray.archives").matches("tray-\\d+-\\d+-\\d+\\.jsa"),
                        "one class archive, made from its class list after it ended, is in the user's cache: "
                                + r.text("deb.tray.archives")));
    }

    /** The .deb round only, as {@link #helperClassArchive()}. */
    @Test
    @DisplayName("deb: the command line trains its AOT cache in alice's cache folder, then starts from it")
    void commandLineCache() {
        String kind = "deb";
        ScenarioResult r = LabRun.shared().scenario(Scenarios.PACKAGE);
        r.print(kind + ".status_ms", kind + ".cli_cache_ms", kind + ".cli_cache", kind + ".status_cached_ms");
        String error = r.textOr(kind + ".error", null);
        if (error != null) {
            fail(kind + " round failed in the VM: " + r.textOr(kind + ".error_trace", error));
        }
        assertAll(
                () -> assertTrue(r.text(kind + ".cli_cache").matches("cli-\\d+-\\d+-\\d+\\.aot"),
                        "one whole cache, named after the jars' and the runtime's times, and no training's files left: "
                                + r.text(kind + ".cli_cache")),
                () -> assertTrue(r.text(kind + ".status_cached_output").startsWith("bond0: up"),
                        "the command from the cache says what it said before, and nothing of the cache: "
                                + r.text(kind + ".status_cached_output")));
    }

    @Test
    @DisplayName("deb: where only an older system tray is (trayer), the installed tray puts its icon there with its menu")
    void packagedTrayInAnOlderSystemTray() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.PACKAGE);
        r.print("deb.legacy_tray.icon_ms", "deb.legacy_tray.menu_ms", "deb.legacy_tray.stand_in_window",
                "deb.legacy_tray.alive", "deb.legacy_tray.log_errors", "deb.legacy_tray.archive_mapped");
        String error = r.textOr("deb.error", null);
        if (error != null) {
            fail("deb round failed in the VM: " + r.textOr("deb.error_trace", error));
        }
        assertAll(
                () -> assertTrue(r.number("deb.legacy_tray.icon_ms") >= 0, "the icon shows in trayer"),
                () -> assertEquals("false", r.text("deb.legacy_tray.stand_in_window"), "no window stands in for it"),
                () -> assertTrue(r.number("deb.legacy_tray.menu_ms") >= 0, "the right button opens its menu (AWT text: FreeType)"),
                () -> assertEquals("true", r.text("deb.legacy_tray.alive"), "the tray keeps running"),
                () -> assertEquals("true", r.text("deb.legacy_tray.archive_mapped"),
                        "the tray's second start shares the classes the first one's JVM archived"),
                () -> assertEquals(0L, r.number("deb.legacy_tray.log_errors"), "no exception or error in the tray's output"));
    }

    @Test
    @DisplayName("deb: dpkg -i of a newer package under traffic: 0 TCP lost, the same address and dhcpcd, one helper start")
    void upgradeKeepsTheBond() {
        ScenarioResult r = LabRun.shared().scenario(Scenarios.PACKAGE);
        r.print("upgrade.exit", "upgrade.version", "upgrade.dpkg_ms", "upgrade.helper_back_ms", "upgrade.tcp_connections",
                "upgrade.tcp_lost", "upgrade.ping_lost", "upgrade.longest_gap_ms", "upgrade.address",
                "upgrade.same_address", "upgrade.same_dhcpcd", "upgrade.new_helper", "upgrade.helper_starts",
                "upgrade.output");
        assertAll(
                () -> assertEquals(r.text("upgrade.to"), r.text("upgrade.version")),
                () -> assertEquals(0, r.number("upgrade.exit"), r.text("upgrade.output")),
                () -> assertTrue(r.number("upgrade.helper_back_ms") >= 0, "the new helper adopts the bond"),
                () -> assertEquals(0, r.number("upgrade.tcp_lost"), "of " + r.text("upgrade.tcp_connections")),
                () -> assertEquals("true", r.text("upgrade.same_address"), r.text("upgrade.address")),
                () -> assertEquals("true", r.text("upgrade.same_dhcpcd"), "dhcpcd is not restarted"),
                () -> assertEquals("true", r.text("upgrade.new_helper")),
                () -> assertEquals(1, r.number("upgrade.helper_starts"), "one helper start"));
    }

    @Test
    @DisplayName("lintian finds no error in the .deb")
    void lintianFindsNoError() throws Exception {
        Path target = Path.of(System.getProperty("bondtray.project.dir", ".")).resolve("target");
        Path deb;
        try (Stream<Path> s = Files.list(target)) {
            deb = s.filter(p -> p.getFileName().toString().matches("bondtray_.*_amd64\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + target + ": mvn package makes it"));
        }
        Prerequisites.programs(java.util.Map.of("lintian", "lintian"));
        Process p = new ProcessBuilder("lintian", "--allow-root", "--display-level", ">=warning", deb.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (p.waitFor() != 0 && lines.stream().noneMatch(l -> l.startsWith("E: ") || l.startsWith("W: "))) {
            fail("lintian could not check the package:\n" + String.join("\n", lines));
        }
        System.out.println("lintian " + deb.getFileName() + ":\n  " + String.join("\n  ", lines));
        List<String> errors = lines.stream().filter(l -> l.startsWith("E: ")).toList();
        assertTrue(errors.isEmpty(), "lintian errors:\n" + String.join("\n", errors));
    }

}
