package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.WindowHands.choose;
import static org.bondtray.lab.guest.WindowHands.fx;
import static org.bondtray.lab.guest.WindowHands.networks;
import static org.bondtray.lab.guest.WindowHands.node;
import static org.bondtray.lab.guest.WindowHands.press;
import static org.bondtray.lab.guest.WindowHands.select;
import static org.bondtray.lab.guest.WindowHands.text;
import static org.bondtray.lab.guest.WindowHands.type;
import static org.bondtray.lab.guest.WindowHands.waitForMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.bondtray.testing.PrivateBus;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.status.History;
import org.bondtray.tray.windows.FxWindows;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;

/**
 * The tray's windows with the real helper and wpa_supplicant, each opened by a click on the
 * tray's menu as a panel sends it, and used as a user would: the picker joins the café with a
 * wrong then the right password, goes back to the LAN and forgets the café; settings set the bond
 * up from plain interfaces, keep a change at the countdown, and watch the helper roll a bad one
 * back; the status window follows a cut and a restore. JavaFX renders in software with no display
 * (Monocle); the screenshots are the windows' own pixels. Starts with no bond and the Wi-Fi on the
 * LAN; leaves it so.
 */
final class WindowSteps {
    private static final Duration UI = WindowHands.UI;

    private final Lab lab;
    private final HelperProcess helper;
    private final String wlan;
    private Path shots;
    private FxWindows windows;
    private WindowHands hands;

    WindowSteps(HelperLaptop laptop) {
        this.lab = laptop.lab();
        this.helper = laptop.helper();
        this.wlan = laptop.wlan();
    }

    HelperFigures.Windows run() throws Exception {
        shots = lab.cmd().logDir().getParent().resolve("windows");
        Files.createDirectories(shots);
        Path busDir = Path.of("/run/bondtray-windows");
        Files.createDirectories(busDir);
        WindowHands.headless();
        try (PrivateBus sessionBus = new PrivateBus(busDir)) {
            DBusConnection session = DBusConnectionBuilder.forAddress(sessionBus.address()).withShared(false).build();
            DBusConnection panel = DBusConnectionBuilder.forAddress(sessionBus.address()).withShared(false).build();
            try (TrayApp tray = new TrayApp(session, lab.systemBus(), lab.control().project().resolve("icons"),
                    new Texts(Locale.ENGLISH), () -> { })) {
                hands = new WindowHands(tray, session, panel);
                windows = hands.windows();
                tray.start();
                HelperFigures.Picker picker = picker(tray);
                HelperFigures.FirstSettings settings = settingsFromNothing(tray);
                HelperFigures.Keeps keeps = keeps();
                HelperFigures.Status status = status(tray);
                HelperFigures.Countdown countdown = keepAndRollBack(tray);
                Cmd.Result off = helper.cli(Topology.USER, "disable");
                return new HelperFigures.Windows(picker, settings, keeps, status, countdown, off.exit(),
                        lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60)));
            } finally {
                panel.disconnect();
                session.disconnect();
            }
        }
    }

    private Stage open(TrayMenuModel.Action action) throws Exception {
        return hands.open(action);
    }

    private void shot(Stage stage, String name) throws Exception {
        WindowHands.shot(stage, shots.resolve(name + ".png"));
    }

    /**
     * The picker: cached list at once, a fresh scan after; wrong password, right password, rejoin,
     * forget. The Wi-Fi is under wpa_supplicant with a configuration file, as the helper hands
     * adapters over, so joins and forgets are saved there (SaveConfig); the file is read after each.
     */
    private HelperFigures.Picker picker(TrayApp tray) throws Exception {
        Path saved = Path.of("/run/bondtray-lab-wpa_supplicant.conf");
        Files.writeString(saved, AccessPoint.LAN_WPA2.savedConfig());
        lab.wifi().manageWithConfig(wlan, saved);
        lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(90));
        try {
            return picker(tray, saved);
        } finally {
            // The later steps get the Wi-Fi as they always had it: no configuration file.
            lab.wifi().release(wlan);
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        }
    }

    private HelperFigures.Picker picker(TrayApp tray, Path saved) throws Exception {
        Stage picker = open(TrayMenuModel.Action.OPEN_WIFI);
        long clickToShown = hands.lastOpenMs();
        Wait.until("the picker's first list", UI, Duration.ofMillis(10), () -> windows.picker().timings()[1] > 0);
        Wait.until("the picker's fresh scan", UI, Duration.ofMillis(20), () -> windows.picker().timings()[2] > 0);
        long[] t = windows.picker().timings();
        Wait.sleep(Duration.ofMillis(300));
        String rows = String.join(" ", networks(picker));
        // With no bond nothing keeps connections when you unplug, whatever the helper learned.
        String keepsWithoutBond = String.join(" ", keeping(picker));
        shot(picker, "wifi-picker");

        select(picker, AccessPoint.CAFE.ssid());
        boolean passwordShown = fx(() -> node(picker, "password").isVisible());
        type(picker, "password", "not-the-passphrase");
        long t0 = System.nanoTime();
        press(picker, "connect");
        boolean passwordCleared = text(picker, "password").isEmpty();
        String wrong = waitForMessage(picker, "Could not connect");
        long wrongMs = (System.nanoTime() - t0) / 1_000_000;
        select(picker, AccessPoint.CAFE.ssid());
        type(picker, "password", AccessPoint.CAFE.passphrase());
        long t1 = System.nanoTime();
        press(picker, "connect");
        String joined = waitForMessage(picker, "Connected to");
        long joinMs = (System.nanoTime() - t1) / 1_000_000;
        String ssidNow = lab.wifi().currentSsid(wlan);
        boolean savedAfterJoin = knows(saved, AccessPoint.CAFE);
        boolean savedPassphrase = Files.readString(saved).contains(AccessPoint.CAFE.passphrase());
        Wait.until("the café as the network in use", UI, () -> networks(picker).contains(AccessPoint.CAFE.ssid() + "*"));
        shot(picker, "wifi-picker-joined");

        // The LAN is known: no password asked, the saved one is used.
        select(picker, AccessPoint.LAN_WPA2.ssid());
        boolean knownAsksPassword = fx(() -> node(picker, "password").isVisible());
        press(picker, "connect");
        waitForMessage(picker, "Connected to " + AccessPoint.LAN_WPA2.ssid());
        String backSsid = lab.wifi().currentSsid(wlan);
        select(picker, AccessPoint.CAFE.ssid());
        press(picker, "forget");
        String forgot = waitForMessage(picker, "Forgot");
        boolean savedAfterForget = knows(saved, AccessPoint.CAFE);
        Wait.until("the café no longer saved", UI, () -> networks(picker).contains(AccessPoint.CAFE.ssid()));
        String rowsAfter = String.join(" ", networks(picker));
        WindowHands.hide(picker);
        lab.wifi().awaitCompleted(wlan, Duration.ofSeconds(60));
        return new HelperFigures.Picker(clickToShown, (t[1] - t[0]) / 1_000_000, (t[2] - t[0]) / 1_000_000, rows,
                keepsWithoutBond, passwordShown, passwordCleared, wrong, wrongMs, joined, joinMs, ssidNow, savedAfterJoin,
                savedPassphrase, knownAsksPassword, backSsid, forgot, savedAfterForget, rowsAfter);
    }

    /**
     * With the bond up again, the picker marks the LAN's Wi-Fi, which the helper saw reach the
     * cable's network earlier in this scenario, as keeping connections when you unplug; the café,
     * on another network, it does not mark.
     */
    private HelperFigures.Keeps keeps() throws Exception {
        Stage picker = open(TrayMenuModel.Action.OPEN_WIFI);
        long ms = Wait.untilOrTimeout(Duration.ofSeconds(20), Duration.ofMillis(50), () -> !keeping(picker).isEmpty());
        String keeps = String.join(" ", keeping(picker));
        String rows = String.join(" | ", WindowHands.spokenRows(picker));
        shot(picker, "wifi-picker-keeps");
        String dark = darkShot(picker, "picker");
        WindowHands.hide(picker);
        return new HelperFigures.Keeps(ms, keeps, rows, dark);
    }

    /** The networks the picker says keep connections when you unplug, as a screen reader hears it. */
    private static List<String> keeping(Stage picker) {
        return WindowHands.spokenRows(picker).stream().filter(row -> row.contains("Keeps connections"))
                .map(row -> row.substring(0, row.indexOf(','))).toList();
    }

    /** Whether wpa_supplicant's saved configuration has a network block for {@code ap} (its SSID quoted or in hex). */
    private static boolean knows(Path config, AccessPoint ap) throws java.io.IOException {
        String text = Files.readString(config);
        String hex = java.util.HexFormat.of().formatHex(ap.ssid().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return text.contains("ssid=\"" + ap.ssid() + "\"") || text.contains("ssid=" + hex);
    }

    /** Settings set the bond up from plain interfaces: nothing reached a gateway before, so nothing to keep. */
    private HelperFigures.FirstSettings settingsFromNothing(TrayApp tray) throws Exception {
        Stage settings = open(TrayMenuModel.Action.OPEN_SETTINGS);
        @SuppressWarnings("unchecked")
        List<String> ports = fx(() -> ((javafx.scene.layout.Pane) node(settings, "ports")).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).toList());

        press(settings, "port-" + Topology.WIRED);
        press(settings, "port-" + wlan);
        long t0 = System.nanoTime();
        press(settings, "apply");
        // Nothing reached a gateway before (no bond, the Wi-Fi without an address), so there is
        // nothing to go back to and no countdown; should the Wi-Fi have had a gateway, keep it.
        Wait.until("the first Apply to end", UI, Duration.ofMillis(20), () -> text(settings, "message").startsWith("Applied")
                || text(settings, "message").startsWith("Not applied") || fx(() -> node(settings, "probation").isVisible()));
        if (fx(() -> node(settings, "probation").isVisible())) {
            press(settings, "keep");
            waitForMessage(settings, "Kept");
        }
        String first = text(settings, "message");
        long upMs = Wait.until("the bond to be up", Duration.ofSeconds(90), Duration.ofMillis(50),
                () -> "up".equals(tray.snapshot().state()) && tray.snapshot().dhcpState().equals("running"));
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        Wait.until("a DHCP address on the bond", Duration.ofSeconds(90),
                () -> lab.net().addresses(PlainBond.NAME, 4).stream().anyMatch(a -> a.startsWith("192.168.50.")));
        return new HelperFigures.FirstSettings(String.join(", ", ports), first, upMs, firstMs);
    }

    /** The status window follows a cut and a restore: two rows in the timeline, the chart's strip. */
    private HelperFigures.Status status(TrayApp tray) throws Exception {
        Stage status = open(TrayMenuModel.Action.OPEN_STATUS);
        Wait.until("the status window to show the bond up", UI, () -> text(status, "state").equals("up"));
        @SuppressWarnings("unchecked")
        TableView<History.Switch> timeline = (TableView<History.Switch>) node(status, "timeline");
        int before = fx(() -> timeline.getItems().size());
        lab.net().cutCable();
        Wait.until("the cut in the timeline", UI, Duration.ofMillis(10), () -> fx(() -> timeline.getItems().size()) > before);
        Wait.sleep(Duration.ofSeconds(2));
        lab.net().restoreCable();
        Wait.until("the restore in the timeline", UI, Duration.ofMillis(10), () -> fx(() -> timeline.getItems().size()) > before + 1);
        Wait.until("the cable active again", UI, () -> Topology.WIRED.equals(tray.snapshot().activePort()));
        Wait.sleep(Duration.ofMillis(500));
        List<History.Switch> rows = fx(() -> List.copyOf(timeline.getItems()));
        String cards = String.join(" ", fx(() -> ((javafx.scene.layout.Pane) node(status, "links"))
                .getChildren().stream().map(Node::getId).toList()));
        int samples = tray.history().samples().size();
        shot(status, "status");
        return new HelperFigures.Status(rows.size(), row(rows.get(0)), row(rows.get(1)), text(status, "address"),
                text(status, "gateway"), text(status, "network"), samples, cards, darkShot(status, "status"));
    }

    private static String row(History.Switch s) {
        return s.from() + ">" + s.to() + " " + s.reason() + " " + s.outageMs() + "ms";
    }

    /**
     * The window as it is when the desktop is dark: JavaFX reports a dark theme to the scene (the
     * lab's desktop is light, so the scene is told here), shot as NAME-dark.png, and the
     * brightness of its background returned; then light again.
     */
    private String darkShot(Stage stage, String name) throws Exception {
        fx(() -> {
            stage.getScene().getPreferences().setColorScheme(javafx.application.ColorScheme.DARK);
            return null;
        });
        Wait.sleep(Duration.ofMillis(500));
        shot(stage, name + "-dark");
        String brightness = fx(() -> {
            javafx.scene.paint.Paint fill = ((javafx.scene.layout.Region) stage.getScene().getRoot()).getBackground()
                    .getFills().get(0).getFill();
            return String.format(Locale.ROOT, "%.2f", ((javafx.scene.paint.Color) fill).getBrightness());
        });
        fx(() -> {
            stage.getScene().getPreferences().setColorScheme(null);
            return null;
        });
        return brightness;
    }

    /** A good change kept at the countdown; a bad one the helper rolls back, and the window says so. */
    private HelperFigures.Countdown keepAndRollBack(TrayApp tray) throws Exception {
        Stage settings = open(TrayMenuModel.Action.OPEN_SETTINGS);
        choose(settings, "preference", "automatic");
        type(settings, "confirm", "600");
        press(settings, "apply");
        Wait.until("the countdown", UI, Duration.ofMillis(20), () -> fx(() -> node(settings, "probation").isVisible()));
        String countdown = text(settings, "countdown");
        long deadlineS = (deadline() / 1000 - System.currentTimeMillis()) / 1000;
        shot(settings, "settings-countdown");
        String dark = darkShot(settings, "settings");
        press(settings, "keep");
        String keep = waitForMessage(settings, "Kept");
        long deadlineAfterKeep = deadline();

        choose(settings, "addressing", "static");
        type(settings, "addresses", "10.66.0.5/24");
        type(settings, "gateway", "10.66.0.1");
        type(settings, "confirm", "5");
        long t0 = System.nanoTime();
        press(settings, "apply");
        Wait.until("the countdown", UI, Duration.ofMillis(20), () -> fx(() -> node(settings, "probation").isVisible()));
        String badCountdown = text(settings, "countdown");
        String rolledBack = waitForMessage(settings, "Went back");
        long rolledBackMs = (System.nanoTime() - t0) / 1_000_000;
        shot(settings, "settings-rolled-back");
        Wait.until("a DHCP address on the bond again", Duration.ofSeconds(90),
                () -> lab.net().addresses(PlainBond.NAME, 4).stream().anyMatch(a -> a.startsWith("192.168.50."))
                        && !lab.net().addresses(PlainBond.NAME, 4).contains("10.66.0.5/24"));
        Wait.until("the form to show DHCP again", Duration.ofSeconds(15),
                () -> "dhcp".equals(fx(() -> ((ChoiceBox<?>) node(settings, "addressing")).getValue())));
        String addressingAfter = String.valueOf(fx(() -> ((ChoiceBox<?>) node(settings, "addressing")).getValue()));
        WindowHands.hide(settings);
        return new HelperFigures.Countdown(countdown, deadlineS, keep, deadlineAfterKeep, badCountdown, rolledBack,
                rolledBackMs, addressingAfter, dark);
    }

    private long deadline() throws org.freedesktop.dbus.exceptions.DBusException {
        Object v = lab.systemBus().getRemoteObject(BondtrayBus.BUS_NAME, BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND),
                org.freedesktop.dbus.interfaces.Properties.class)
                .Get(BondtrayBus.BOND_INTERFACE, BondProperties.CONFIRM_DEADLINE);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
