package org.bondtray.tray.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.bondtray.api.Bond;
import org.bondtray.api.BondSnapshot;
import org.bondtray.api.BusMatch;
import org.bondtray.i18n.Texts;
import org.bondtray.net.NetSysfs;
import org.bondtray.tray.Theme;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.WindowKeys;
import org.bondtray.tray.notify.NotifyWhen;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.Variant;

/**
 * Settings: which interfaces, which link to prefer, how the bond gets its address, and the
 * bonding timers for those who want them. Apply hands everything to the helper in one Setup
 * (polkit may ask for a password first); the helper keeps the change on probation, and this
 * window counts down to the helper's own ConfirmDeadline with a Keep button, and says so when the
 * helper went back by itself.
 */
public final class SettingsWindow {
    private final TrayApp app;
    private final Texts t;
    private final NetSysfs sysfs;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("settings").daemon().unstarted(r));
    private final Stage stage = new Stage();
    private final VBox ports = new VBox(4);
    private final ChoiceBox<String> preference = choice("preference", "wired", "wireless", "automatic");
    /** Her own choice for this tray: kept as soon as it changes, no Apply and no password. */
    private final ChoiceBox<String> notify = choice("notify", java.util.Arrays.stream(NotifyWhen.values())
            .map(w -> w.wire).toArray(String[]::new));
    /** Also hers: the icon's style, redrawn at once. */
    private final ChoiceBox<String> icons = choice("icons", org.bondtray.tray.IconStyle.AUTO,
            org.bondtray.tray.IconStyle.COLOR.wire(), org.bondtray.tray.IconStyle.SYMBOLIC.wire());
    private final ChoiceBox<String> addressing = choice("addressing", "dhcp", "static", "both");
    private final TextField addresses = field("addresses", "192.168.1.50/24");
    private final TextField gateway = field("gateway", "192.168.1.1");
    private final TextField dns = field("dns", "192.168.1.1");
    private final TextField fallback = field("fallback", "192.168.1.250/24");
    private final TextField miimon = field("miimon", "100");
    private final TextField updelay = field("updelay", "");
    private final TextField downdelay = field("downdelay", "");
    private final TextField confirmTimeout = field("confirm", SettingsForm.DEFAULT_CONFIRM_TIMEOUT);
    private final Button apply = new Button();
    private final Label message = new Label();
    private final Label countdown = new Label();
    private final Button keep = new Button();
    private final HBox probation;
    private final Timeline tick = new Timeline(new KeyFrame(Duration.millis(250), e -> ticked()));
    private volatile long deadlineMicros;
    private volatile boolean rolledBack;
    private AutoCloseable rolledBackSignal;
    private AutoCloseable snapshots;
    /** Until when (System.nanoTime) the form follows the helper: the configuration it went back to arrives after the signal. */
    private volatile long refillUntil;

    private static final long REFILL_NANOS = 15_000_000_000L;

    public SettingsWindow(TrayApp app, NetSysfs sysfs) {
        this.app = app;
        this.t = app.texts();
        this.sysfs = sysfs;
        stage.setTitle(t.get("settings.title"));
        ports.setId("ports");
        apply.setId("apply");
        apply.setText(t.get("settings.apply"));
        apply.setDefaultButton(true);
        apply.setOnAction(e -> apply());
        message.setId("message");
        message.setWrapText(true);
        countdown.setId("countdown");
        keep.setId("keep");
        keep.setText(t.get("settings.keep"));
        keep.setOnAction(e -> keep());
        probation = new HBox(8, countdown, keep);
        probation.setAlignment(Pos.CENTER_LEFT);
        probation.setId("probation");
        show(probation, false);
        tick.setCycleCount(Timeline.INDEFINITE);
        addressing.valueProperty().addListener((o, a, b) -> addressingChanged());

        GridPane addressingGrid = grid();
        row(addressingGrid, 0, "settings.addressing", addressing);
        row(addressingGrid, 1, "settings.addresses", addresses);
        row(addressingGrid, 2, "settings.gateway", gateway);
        row(addressingGrid, 3, "settings.dns", dns);
        row(addressingGrid, 4, "settings.fallback", fallback);
        GridPane timers = grid();
        row(timers, 0, "settings.miimon", miimon);
        row(timers, 1, "settings.updelay", updelay);
        row(timers, 2, "settings.downdelay", downdelay);
        row(timers, 3, "settings.confirm", confirmTimeout);
        TitledPane advanced = new TitledPane(t.get("settings.advanced"), timers);
        advanced.setExpanded(false);
        GridPane pref = grid();
        row(pref, 0, "settings.preference", preference);
        row(pref, 1, "settings.notify", notify);
        notify.setValue(app.notifyWhen().wire);
        notify.valueProperty().addListener((o, a, b) -> app.notifyWhen(NotifyWhen.fromWire(b, app.notifyWhen())));
        javafx.scene.control.CheckBox standIn = new javafx.scene.control.CheckBox(t.get("settings.standin"));
        standIn.setId("stand-in");
        standIn.setSelected(app.standInWindow());
        standIn.selectedProperty().addListener((o, a, b) -> app.standInWindow(b));
        row(pref, 2, "settings.icons", icons);
        icons.setValue(app.iconChoice());
        icons.valueProperty().addListener((o, a, b) -> app.iconStyle(b));
        pref.add(standIn, 0, 3, 2, 1);
        VBox root = new VBox(8, bold("settings.ports"), ports, new Label(t.get("settings.ports.none")), pref,
                bold("settings.addressing.title"), addressingGrid, advanced, new HBox(8, apply), probation, message);
        root.setPadding(new Insets(10));
        Scene scene = Theme.follow(new Scene(root, 460, 620));
        // Return applies, as in any desktop dialog, also from a ticked interface: JavaFX's check
        // box takes Return for itself (it toggles), so the form's default button never heard it.
        // Space still toggles.
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getCode() == KeyCode.ENTER && scene.getFocusOwner() instanceof CheckBox) {
                if (e.getEventType() == KeyEvent.KEY_PRESSED && !apply.isDisabled()) {
                    apply.fire();
                }
                e.consume();
            }
        });
        stage.setScene(scene);
        WindowKeys.closeWith(stage);
        stage.setOnHidden(e -> stopListening());
    }

    public Stage stage() {
        return stage;
    }

    /** Shows the window filled with the bond as the helper has it now. */
    public void open() {
        fill(app.snapshot());
        if (rolledBackSignal == null) {
            try {
                rolledBackSignal = BusMatch.at(app.system(), Bond.RolledBack.class, app.bondPath(), s -> {
                    if (app.fromHelper(s)) {
                        rolledBack = true;
                        Platform.runLater(() -> wentBack(s.getReason()));
                    }
                });
            } catch (DBusException e) {
                message.setText(e.getMessage());
            }
        }
        if (snapshots == null) {
            snapshots = app.listen(s -> {
                if (System.nanoTime() < refillUntil) {
                    Platform.runLater(() -> fill(s));
                }
            });
        }
        stage.show();
        stage.toFront();
    }

    private void fill(BondSnapshot s) {
        ports.getChildren().clear();
        List<String> inBond = s.ports().stream().map(BondSnapshot.Port::name).toList();
        List<Interfaces.Candidate> found = new ArrayList<>(Interfaces.detect(sysfs));
        for (String name : inBond) {
            if (found.stream().noneMatch(c -> c.name().equals(name))) {
                BondSnapshot.Port p = s.port(name);
                found.add(0, new Interfaces.Candidate(name, p.wireless(), true));
            }
        }
        for (Interfaces.Candidate c : found) {
            CheckBox box = new CheckBox(t.get(c.wireless() ? "settings.port.wireless" : "settings.port.wired", c.name()));
            box.setId("port-" + c.name());
            box.setUserData(c.name());
            box.setSelected(inBond.contains(c.name()));
            ports.getChildren().add(box);
        }
        preference.setValue(s.preference().isEmpty() ? "wired" : s.preference());
        boolean statik = "off".equals(s.dhcpState()) && !s.addresses().isEmpty();
        addressing.setValue(statik ? "static" : "dhcp");
        addresses.setText(statik ? String.join(", ", s.addresses().stream().filter(a -> a.indexOf(':') < 0).toList()) : "");
        gateway.setText(statik ? String.join(", ", s.gateway()) : "");
        dns.setText(statik ? String.join(", ", s.dns()) : "");
        addressingChanged();
    }

    private void addressingChanged() {
        boolean dhcp = "dhcp".equals(addressing.getValue());
        addresses.setDisable(dhcp);
        fallback.setDisable("static".equals(addressing.getValue()));
    }

    private SettingsForm form() {
        List<String> chosen = ports.getChildren().stream().map(n -> (CheckBox) n).filter(CheckBox::isSelected)
                .map(b -> (String) b.getUserData()).toList();
        return new SettingsForm(chosen, preference.getValue(), addressing.getValue(), addresses.getText(),
                gateway.getText(), dns.getText(), fallback.getText(), miimon.getText(), updelay.getText(),
                downdelay.getText(), confirmTimeout.getText());
    }

    private void apply() {
        Map<String, Variant<?>> options;
        try {
            options = form().options().variants();
        } catch (SettingsForm.Invalid e) {
            message.setText(e.in(t));
            return;
        }
        apply.setDisable(true);
        show(probation, false);
        tick.stop();
        message.setText(t.get("settings.applying"));
        rolledBack = false;
        calls.execute(() -> {
            try {
                app.bond().Setup(options);
                long deadline = deadline();
                Platform.runLater(() -> applied(deadline));
            } catch (DBusException | DBusExecutionException e) {
                Platform.runLater(() -> {
                    apply.setDisable(false);
                    message.setText(t.get("settings.refused", e.getMessage()));
                });
            }
        });
    }

    /** The helper's ConfirmDeadline now (microseconds since the epoch), read rather than waited for. */
    private long deadline() throws DBusException {
        Object v = app.system().getRemoteObject(org.bondtray.api.BondtrayBus.BUS_NAME, app.bondPath(),
                org.freedesktop.dbus.interfaces.Properties.class)
                .Get(org.bondtray.api.BondtrayBus.BOND_INTERFACE, org.bondtray.api.BondProperties.CONFIRM_DEADLINE);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private void applied(long deadline) {
        apply.setDisable(false);
        deadlineMicros = deadline;
        if (deadline == 0) {
            message.setText(t.get("settings.applied"));
            return;
        }
        message.setText("");
        keep.setDisable(false);
        show(probation, true);
        ticked();
        tick.play();
    }

    private void ticked() {
        long left = deadlineMicros / 1000 - System.currentTimeMillis();
        if (rolledBack) {
            return;
        }
        if (left <= 0) {
            // The helper decides at the deadline; give it a moment before saying it kept the change.
            if (left < -3000) {
                tick.stop();
                show(probation, false);
                message.setText(t.get("settings.kept.itself"));
            }
            countdown.setText(t.get("settings.deciding"));
            return;
        }
        countdown.setText(t.get("settings.countdown", (left + 999) / 1000));
    }

    private void keep() {
        keep.setDisable(true);
        calls.execute(() -> {
            try {
                app.bond().Confirm();
                Platform.runLater(() -> {
                    tick.stop();
                    show(probation, false);
                    message.setText(t.get("settings.kept"));
                });
            } catch (DBusException | DBusExecutionException e) {
                Platform.runLater(() -> {
                    keep.setDisable(false);
                    message.setText(t.get("settings.refused", e.getMessage()));
                });
            }
        });
    }

    private void wentBack(String reason) {
        tick.stop();
        show(probation, false);
        message.setText(t.get("settings.rolled.back", reason));
        refillUntil = System.nanoTime() + REFILL_NANOS;
        fill(app.snapshot());
    }

    private static void show(javafx.scene.Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private Label bold(String key) {
        Label l = new Label(t.get(key));
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        return g;
    }

    private void row(GridPane g, int row, String key, javafx.scene.Node control) {
        g.addRow(row, new Label(t.get(key)), control);
    }

    private ChoiceBox<String> choice(String id, String... values) {
        ChoiceBox<String> c = new ChoiceBox<>(FXCollections.observableArrayList(values));
        c.setId(id);
        c.setValue(values[0]);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : t.get("settings." + id + "." + v);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        return c;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private void stopListening() {
        tick.stop();
        if (snapshots != null) {
            try {
                snapshots.close();
            } catch (Exception e) {
                // a listener list does not fail to let go
            }
            snapshots = null;
        }
        if (rolledBackSignal != null) {
            try {
                rolledBackSignal.close();
            } catch (Exception e) {
                // the bus is gone
            }
            rolledBackSignal = null;
        }
    }

    public void dispose() {
        stage.hide();
        stopListening();
        calls.shutdown();
    }
}
