package org.bondtray.lab.guest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.bondtray.testing.FxShots;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.sni.DBusMenu;
import org.bondtray.tray.sni.SniNames;
import org.bondtray.tray.windows.FxWindows;
import org.bondtray.wifi.WifiNetwork;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A user's hands on the tray's windows in the lab: clicks on the tray's menu as a panel sends
 * them, then the windows' controls by their ids, on the JavaFX thread. JavaFX renders in software
 * with no display (Monocle); screenshots are the windows' own pixels.
 */
final class WindowHands {
    static final Duration UI = Duration.ofSeconds(60);

    private final TrayApp tray;
    private final FxWindows windows;
    private final DBusMenu menu;
    private long lastOpenMs;

    /** Sets up the tray's windows; {@code panel} is a second connection that clicks like a panel. */
    WindowHands(TrayApp tray, DBusConnection session, DBusConnection panel) throws Exception {
        this.tray = tray;
        this.windows = new FxWindows(tray, org.bondtray.net.NetSysfs.system());
        tray.windows(windows);
        this.menu = panel.getRemoteObject(session.getUniqueName(), SniNames.MENU_PATH, DBusMenu.class);
    }

    /** JavaFX in software with no display: to be called before the toolkit's first start. */
    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
    }

    FxWindows windows() {
        return windows;
    }

    /** Clicks the menu item of {@code action} and waits for its window. */
    Stage open(TrayMenuModel.Action action) throws Exception {
        long t0 = System.nanoTime();
        menu.Event(tray.menu().idOf(action), "clicked", new Variant<>(0), new UInt32(0));
        Wait.until("the window of " + action, UI, Duration.ofMillis(20), () -> showing(action));
        lastOpenMs = (System.nanoTime() - t0) / 1_000_000;
        return fx(() -> windows.stage(action));
    }

    /** Milliseconds from the last click on the menu to its window showing. */
    long lastOpenMs() {
        return lastOpenMs;
    }

    private boolean showing(TrayMenuModel.Action action) {
        return Boolean.TRUE.equals(fx(() -> windows.stage(action) != null && windows.stage(action).isShowing()));
    }

    static <T> T fx(java.util.function.Supplier<T> s) {
        try {
            return FxWindows.onFx(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Node node(Stage stage, String id) {
        Node n = fx(() -> stage.getScene().lookup("#" + id));
        if (n == null) {
            throw new AssertionError("no #" + id + " in " + stage.getTitle());
        }
        return n;
    }

    static String text(Stage stage, String id) {
        Node n = node(stage, id);
        return fx(() -> n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText());
    }

    static void press(Stage stage, String id) {
        Node n = node(stage, id);
        fx(() -> {
            ((ButtonBase) n).fire();
            return null;
        });
    }

    static void type(Stage stage, String id, String value) {
        Node n = node(stage, id);
        fx(() -> {
            ((TextInputControl) n).setText(value);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    static void choose(Stage stage, String id, String value) {
        Node n = node(stage, id);
        fx(() -> {
            ((ChoiceBox<String>) n).setValue(value);
            return null;
        });
    }

    static void hide(Stage stage) {
        fx(() -> {
            stage.hide();
            return null;
        });
    }

    static void shot(Stage stage, Path png) throws Exception {
        FxShots.save(stage, png);
    }

    static String waitForMessage(Stage stage, String prefix) {
        try {
            Wait.until("\"" + prefix + "\" in " + stage.getTitle(), UI, Duration.ofMillis(20),
                    () -> text(stage, "message").startsWith(prefix));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; it says \"" + text(stage, "message") + "\"", e);
        }
        return text(stage, "message");
    }

    /** The picker's rows as a screen reader hears them (their accessible text), in order. */
    static List<String> spokenRows(Stage picker) {
        ListView<?> list = (ListView<?>) node(picker, "networks");
        return fx(() -> list.lookupAll(".list-cell").stream().map(Node::getAccessibleText)
                .filter(t -> t != null && !t.isEmpty()).distinct().toList());
    }

    /** The picker's rows: name, then * for the network in use or + for a saved one. */
    @SuppressWarnings("unchecked")
    static List<String> networks(Stage picker) {
        ListView<WifiNetwork> list = (ListView<WifiNetwork>) node(picker, "networks");
        return fx(() -> list.getItems().stream().map(n -> n.name() + (n.current() ? "*" : n.known() ? "+" : "")).toList());
    }

    @SuppressWarnings("unchecked")
    static void select(Stage picker, String ssid) {
        ListView<WifiNetwork> list = (ListView<WifiNetwork>) node(picker, "networks");
        Wait.until(ssid + " in the picker", UI, () -> networks(picker).stream().anyMatch(n -> n.replaceAll("[*+]$", "").equals(ssid)));
        fx(() -> {
            list.getItems().stream().filter(n -> n.name().equals(ssid)).findFirst()
                    .ifPresent(n -> list.getSelectionModel().select(n));
            return null;
        });
    }
}
