package org.bondtray.tray.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.bondtray.helper.HelperMain;
import org.bondtray.net.NetSysfs;
import org.bondtray.testing.Prerequisites;
import org.bondtray.testing.PrivateBus;
import org.bondtray.testing.VirtualDesktop;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.sni.DBusMenu;
import org.bondtray.tray.sni.SniNames;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The tray's windows, opened the way a panel opens them (a dbusmenu click), with the real helper
 * and a real wpa_supplicant on a bus of the test's own, on this machine's kernel (no bonding, no
 * Wi-Fi, no polkit). What each window must do here is say so plainly; the lab shows them working.
 */
class WindowsOnPrivateBusTest {
    private static final Path SHOTS = Path.of("target/windows");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static PrivateBus sessionBus;
    private static PrivateBus systemBus;
    private static HelperMain.Running helper;
    private static Process wpa;
    private static DBusConnection session;
    private static DBusConnection system;
    private static DBusConnection panel;
    private static TrayApp tray;
    private static FxWindows windows;

    @BeforeAll
    static void start() throws Exception {
        PrivateBus.assumeAvailable();
        Assumptions.assumeFalse(NetSysfs.system().bondingLoaded(), "this kernel has bonding; the lab covers it");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root for the helper's probe");
        Prerequisites.programs(java.util.Map.of("wpa_supplicant", "wpasupplicant"));
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(dir.resolve("session"));
        Files.createDirectories(dir.resolve("system"));
        sessionBus = new PrivateBus(dir.resolve("session"));
        systemBus = new PrivateBus(dir.resolve("system"));
        helper = HelperMain.start(systemBus.address(), dir.resolve("etc"), NetSysfs.system());
        // wpa_supplicant with its D-Bus interface on the test's bus and no interface: this machine has no Wi-Fi.
        ProcessBuilder pb = new ProcessBuilder("wpa_supplicant", "-u", "-O", dir.resolve("wpa").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("wpa.log").toFile());
        pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", systemBus.address());
        wpa = pb.start();
        session = DBusConnectionBuilder.forAddress(sessionBus.address()).withShared(false).build();
        system = DBusConnectionBuilder.forAddress(systemBus.address()).withShared(false).build();
        panel = DBusConnectionBuilder.forAddress(sessionBus.address()).withShared(false).build();
        org.freedesktop.dbus.interfaces.DBus dbus = system.getRemoteObject("org.freedesktop.DBus",
                "/org/freedesktop/DBus", org.freedesktop.dbus.interfaces.DBus.class);
        VirtualDesktop.waitFor("wpa_supplicant on the bus", TIMEOUT, () -> dbus.NameHasOwner("fi.w1.wpa_supplicant1"));
        tray = new TrayApp(session, system, Path.of("icons").toAbsolutePath(), new Texts(Locale.ENGLISH), () -> { });
        windows = new FxWindows(tray, org.bondtray.net.NetSysfs.system());
        tray.windows(windows);
        // The test's session bus has no panel: the window that stands in for one comes after this.
        tray.panelGrace(Duration.ofSeconds(1));
        tray.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tray != null) {
            tray.close();
        }
        for (DBusConnection c : new DBusConnection[] {panel, session, system}) {
            if (c != null) {
                c.disconnect();
            }
        }
        if (wpa != null) {
            wpa.destroy();
            wpa.waitFor();
        }
        if (helper != null) {
            helper.close();
        }
        if (systemBus != null) {
            systemBus.close();
        }
        if (sessionBus != null) {
            sessionBus.close();
        }
    }

    @Test
    void withoutAPanelAWindowStandsInForTheIconUntilAPanelTakesIt() throws Exception {
        VirtualDesktop.waitFor("the window standing in for the icon", TIMEOUT, () -> Boolean.TRUE.equals(FxWindows.onFx(
                () -> windows.noPanelStage() != null && windows.noPanelStage().isShowing())));
        Stage stand = FxWindows.onFx(() -> windows.noPanelStage());
        assertEquals("No panel here shows tray icons", text(stand, "heading"));
        assertTrue(text(stand, "why").contains("gnome-shell-extension-appindicator"), text(stand, "why"));
        assertEquals(tray.item().look().toolTip().lines().findFirst().orElse(""), text(stand, "state"));
        assertTrue(tray.registeredNanos() < 0, "no panel took the icon");

        // Its buttons do what the menu's items do.
        FxWindows.onFx(() -> {
            ((Button) stand.getScene().lookup("#open-status")).fire();
            return null;
        });
        VirtualDesktop.waitFor("the status window", TIMEOUT, () -> Boolean.TRUE.equals(FxWindows.onFx(() -> {
            Stage s = windows.stage(TrayMenuModel.Action.OPEN_STATUS);
            return s != null && s.isShowing();
        })));

        // A panel appears on the session bus (xfce4-panel, on a display of its own): it takes
        // the icon and the window goes.
        Prerequisites.programs(VirtualDesktop.PROGRAMS);
        Files.createDirectories(dir.resolve("desktop"));
        try (VirtualDesktop desktop = new VirtualDesktop(dir.resolve("desktop"), sessionBus.address())) {
            VirtualDesktop.waitFor("the panel to take the icon", Duration.ofSeconds(60), () -> tray.registeredNanos() > 0);
            VirtualDesktop.waitFor("the stand-in window to go", TIMEOUT,
                    () -> Boolean.FALSE.equals(FxWindows.onFx(stand::isShowing)));
        }
    }

    /**
     * Each window closes from the keyboard as a desktop's own do: Escape, and Ctrl+W; the next
     * click shows it again. Keys nobody in the window wanted reach the window: here, on its root.
     */
    @Test
    void eachWindowClosesWithEscapeAndCtrlW() throws Exception {
        for (TrayMenuModel.Action action : List.of(TrayMenuModel.Action.OPEN_WIFI, TrayMenuModel.Action.OPEN_STATUS,
                TrayMenuModel.Action.OPEN_SETTINGS)) {
            for (javafx.scene.input.KeyCode key : List.of(javafx.scene.input.KeyCode.ESCAPE, javafx.scene.input.KeyCode.W)) {
                Stage stage = click(action);
                boolean control = key == javafx.scene.input.KeyCode.W;
                boolean showing = FxWindows.onFx(() -> {
                    javafx.event.Event.fireEvent(stage.getScene().getRoot(), new javafx.scene.input.KeyEvent(
                            javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, false, control, false, false));
                    return stage.isShowing();
                });
                assertFalse(showing, action + " closes on " + (control ? "Ctrl+" : "") + key);
            }
        }
        Stage status = click(TrayMenuModel.Action.OPEN_STATUS);
        boolean showing = FxWindows.onFx(() -> {
            javafx.event.Event.fireEvent(status.getScene().getRoot(), new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.W, false, false, false, false));
            return status.isShowing();
        });
        assertTrue(showing, "a plain W is a letter, not a close");
        FxWindows.onFx(() -> {
            status.hide();
            return null;
        });
    }

    /** Clicks the menu item for {@code action} the way the panel does, and waits for its window. */
    private static Stage click(TrayMenuModel.Action action) throws Exception {
        int id = tray.menu().idOf(action);
        DBusMenu menu = panel.getRemoteObject(session.getUniqueName(), SniNames.MENU_PATH, DBusMenu.class);
        menu.Event(id, "clicked", new Variant<>(0), new UInt32(0));
        VirtualDesktop.waitFor("the window of " + action, TIMEOUT, () -> Boolean.TRUE.equals(FxWindows.onFx(() -> {
            Stage s = windows.stage(action);
            return s != null && s.isShowing();
        })));
        return FxWindows.onFx(() -> windows.stage(action));
    }

    private static String text(Stage stage, String id) throws InterruptedException {
        return FxWindows.onFx(() -> ((Label) stage.getScene().lookup("#" + id)).getText());
    }

    @Test
    void thePickerSaysThatWpaSupplicantHasNoWifiInterface() throws Exception {
        Stage picker = click(TrayMenuModel.Action.OPEN_WIFI);
        VirtualDesktop.waitFor("the picker's message", TIMEOUT, () -> !text(picker, "message").isEmpty());
        assertEquals("wpa_supplicant manages no Wi-Fi interface", text(picker, "message"));
    }

    @Test
    void aJapanesePickerSaysWpaSupplicantsRefusalInJapanese() throws Exception {
        org.bondtray.tray.picker.WifiPicker jp = FxWindows.onFx(() -> new org.bondtray.tray.picker.WifiPicker(
                new org.bondtray.wifi.WpaClient(system), new Texts(Locale.JAPANESE), null, List::of));
        FxWindows.onFx(() -> {
            jp.open();
            return null;
        });
        try {
            VirtualDesktop.waitFor("the picker's message", TIMEOUT, () -> !text(jp.stage(), "message").isEmpty());
            assertEquals("wpa_supplicant が管理している Wi-Fi インターフェースがありません", text(jp.stage(), "message"));
        } finally {
            FxWindows.onFx(() -> {
                jp.stage().hide();
                return null;
            });
        }
    }

    @Test
    void theStatusWindowShowsTheHelpersStateAndAnEmptyTimeline() throws Exception {
        Stage status = click(TrayMenuModel.Action.OPEN_STATUS);
        VirtualDesktop.waitFor("the bond's state", TIMEOUT, () -> text(status, "state").startsWith("unsupported"));
        assertTrue(text(status, "state").contains("bonding"), text(status, "state"));
        assertEquals("active-backup, one address for both links", text(status, "mode"));
        assertEquals(0, (int) FxWindows.onFx(() -> ((TableView<?>) status.getScene().lookup("#timeline")).getItems().size()));
    }

    @Test
    void settingsListThisMachinesInterfacesAndSayWhyApplyWasRefused() throws Exception {
        Stage settings = click(TrayMenuModel.Action.OPEN_SETTINGS);
        List<String> ports = FxWindows.onFx(() -> ((Pane) settings.getScene().lookup("#ports")).getChildren().stream()
                .map(n -> ((CheckBox) n).getText()).toList());
        assertTrue(ports.stream().anyMatch(p -> p.startsWith("eth0 (cable)")), "this machine's eth0: " + ports);
        assertTrue(ports.stream().noneMatch(p -> p.startsWith("lo ")), "never the loopback: " + ports);
        FxWindows.onFx(() -> {
            ((Button) settings.getScene().lookup("#apply")).fire();
            return null;
        });
        VirtualDesktop.waitFor("the refusal", TIMEOUT, () -> text(settings, "message").startsWith("Not applied"));
        String refusal = text(settings, "message");
        assertTrue(refusal.contains("polkit"), "the helper's reason, as it gave it: " + refusal);
        Node probation = FxWindows.onFx(() -> settings.getScene().lookup("#probation"));
        assertNotNull(probation);
        assertFalse(FxWindows.onFx(probation::isVisible), "nothing on probation: nothing was applied");
    }

    /** Return in the settings applies, as in any dialog, also with an interface's box in focus. */
    @Test
    void returnOnAnInterfaceAppliesAndLeavesItsBoxAlone() throws Exception {
        Stage settings = click(TrayMenuModel.Action.OPEN_SETTINGS);
        FxWindows.onFx(() -> {
            ((Label) settings.getScene().lookup("#message")).setText("");
            return null;
        });
        CheckBox first = FxWindows.onFx(() -> (CheckBox) ((Pane) settings.getScene().lookup("#ports")).getChildren().get(0));
        boolean ticked = FxWindows.onFx(() -> {
            first.requestFocus();
            for (javafx.event.EventType<javafx.scene.input.KeyEvent> type : List.of(javafx.scene.input.KeyEvent.KEY_PRESSED,
                    javafx.scene.input.KeyEvent.KEY_RELEASED)) {
                javafx.event.Event.fireEvent(first, new javafx.scene.input.KeyEvent(type, "", "",
                        javafx.scene.input.KeyCode.ENTER, false, false, false, false));
            }
            return first.isSelected();
        });
        assertFalse(ticked, "Return is not Space: the box stays as it was");
        VirtualDesktop.waitFor("Apply's refusal", TIMEOUT, () -> text(settings, "message").startsWith("Not applied"));
    }

    /**
     * The status window follows the desktop's color scheme (here set on its scene, as JavaFX sets
     * it from the desktop's theme), and changes with it while open: the controls by the
     * stylesheet, the hand-drawn chart by itself.
     */
    @Test
    void theStatusWindowTurnsDarkAndLightWithTheDesktop() throws Exception {
        Stage status = click(TrayMenuModel.Action.OPEN_STATUS);
        double[] dark = brightness(status, javafx.application.ColorScheme.DARK);
        assertTrue(dark[0] < 0.3, "a dark window: " + dark[0]);
        assertTrue(dark[1] < 0.3, "a dark chart: " + dark[1]);
        double[] light = brightness(status, javafx.application.ColorScheme.LIGHT);
        assertTrue(light[0] > 0.8, "a light window: " + light[0]);
        assertTrue(light[1] > 0.8, "a light chart: " + light[1]);
    }

    /**
     * The other windows follow it the same way: the picker, the settings, the stand-in for a
     * panel; each is shot in both, in target/windows/.
     */
    @Test
    void everyOtherWindowTurnsDarkAndLightWithTheDesktop() throws Exception {
        List<Stage> stages = List.of(click(TrayMenuModel.Action.OPEN_WIFI), click(TrayMenuModel.Action.OPEN_SETTINGS),
                FxWindows.onFx(() -> windows.noPanelStage()));
        for (Stage stage : stages) {
            String title = FxWindows.onFx(stage::getTitle);
            String file = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            assertTrue(background(stage, javafx.application.ColorScheme.DARK) < 0.3, title + " dark");
            org.bondtray.testing.FxShots.save(stage, SHOTS.resolve(file + "-dark.png"));
            assertTrue(background(stage, javafx.application.ColorScheme.LIGHT) > 0.8, title + " light");
            org.bondtray.testing.FxShots.save(stage, SHOTS.resolve(file + "-light.png"));
        }
    }

    /** The window's background as brightness 0..1, once the scheme is {@code scheme}. */
    private static double background(Stage stage, javafx.application.ColorScheme scheme) throws Exception {
        return FxWindows.onFx(() -> {
            javafx.scene.Scene scene = stage.getScene();
            scene.getPreferences().setColorScheme(scheme);
            scene.getRoot().applyCss();
            return ((javafx.scene.paint.Color) ((javafx.scene.layout.Region) scene.getRoot()).getBackground().getFills()
                    .get(0).getFill()).getBrightness();
        });
    }

    /** The window's background and the chart's, as brightness 0..1, once the scheme is {@code scheme}. */
    private static double[] brightness(Stage stage, javafx.application.ColorScheme scheme) throws Exception {
        double window = background(stage, scheme);
        double surface = FxWindows.onFx(() -> {
            javafx.scene.canvas.Canvas chart = (javafx.scene.canvas.Canvas) stage.getScene().lookup("#chart");
            javafx.scene.image.WritableImage shot = chart.snapshot(null, null);
            // Between the -70 and -50 dBm lines, where no label and (without Wi-Fi) no signal is drawn.
            return shot.getPixelReader().getColor((int) (chart.getWidth() / 2), (int) ((chart.getHeight() - 24) / 2))
                    .getBrightness();
        });
        return new double[] {window, surface};
    }
}
