package org.bondtray.tray.picker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.bondtray.i18n.Texts;
import org.bondtray.tray.Theme;
import org.bondtray.tray.WindowKeys;
import org.bondtray.wifi.Security;
import org.bondtray.wifi.SsidText;
import org.bondtray.wifi.WifiNetwork;
import org.bondtray.wifi.WifiException;
import org.bondtray.wifi.WpaClient;

/**
 * The Wi-Fi picker: wpa_supplicant's networks, one row per SSID. It opens at once with what
 * wpa_supplicant saw last, asks for a fresh scan and updates on ScanDone. A password typed here
 * becomes the WPA2 key in this process (WPA3's SAE needs the password itself) and is wiped after.
 * Every bus call runs off the JavaFX thread; what it finds comes back through runLater.
 */
public final class WifiPicker {
    static final Duration CONNECT_WAIT = Duration.ofSeconds(45);

    private final WpaClient wpa;
    private final Texts t;
    private final String preferredIfname;
    /** The Wi-Fi networks the helper saw reach the cable's network (its KeepingNetworks). */
    private final java.util.function.Supplier<List<String>> keeping;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("wifi-picker").daemon().unstarted(r));
    private final Stage stage = new Stage();
    private final ObservableList<WifiNetwork> rows = FXCollections.observableArrayList();
    private final ListView<WifiNetwork> list = new ListView<>(rows);
    private final Label message = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final PasswordField password = new PasswordField();
    private final Button connect = new Button();
    private final Button forget = new Button();
    private final TextField hiddenSsid = new TextField();
    private final ChoiceBox<Security> hiddenSecurity = new ChoiceBox<>(
            FXCollections.observableArrayList(Security.OPEN, Security.WPA2, Security.WPA3));
    private final VBox hiddenBox;
    private volatile String path;
    /** Whether the message line says "looking for networks", which only the scan's end may clear. */
    private volatile boolean scanning;
    private volatile AutoCloseable scanDone;
    private volatile long openedNanos;
    private volatile long firstListNanos = -1;
    private volatile long freshListNanos = -1;

    /**
     * {@code preferredIfname}: the bond's Wi-Fi port, or null for wpa_supplicant's first
     * interface; {@code keeping}: the networks where unplugging keeps connections, as the helper
     * knows them now.
     */
    public WifiPicker(WpaClient wpa, Texts t, String preferredIfname, java.util.function.Supplier<List<String>> keeping) {
        this.wpa = wpa;
        this.t = t;
        this.preferredIfname = preferredIfname;
        this.keeping = keeping;
        stage.setTitle(t.get("picker.title"));
        list.setId("networks");
        list.setCellFactory(v -> new Row());
        list.setPlaceholder(new Label(t.get("picker.empty")));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> selected(b));
        message.setId("message");
        message.setWrapText(true);
        busy.setMaxSize(18, 18);
        busy.setVisible(false);
        password.setId("password");
        password.setPromptText(t.get("picker.password"));
        password.setOnAction(e -> connect());
        connect.setId("connect");
        connect.setText(t.get("picker.connect"));
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connect());
        forget.setId("forget");
        forget.setText(t.get("picker.forget"));
        forget.setOnAction(e -> forget());
        Button scan = new Button(t.get("picker.scan"));
        scan.setId("scan");
        scan.setOnAction(e -> scan());
        Button hidden = new Button(t.get("picker.hidden"));
        hidden.setId("hidden");
        hiddenSsid.setId("hidden-ssid");
        hiddenSsid.setPromptText(t.get("picker.hidden.ssid"));
        hiddenSecurity.setId("hidden-security");
        hiddenSecurity.setValue(Security.WPA2);
        hiddenSecurity.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Security s) {
                return s == null ? "" : s.label();
            }

            @Override
            public Security fromString(String s) {
                return null;
            }
        });
        hiddenBox = new VBox(6, new Label(t.get("picker.hidden.title")), hiddenSsid, hiddenSecurity);
        hiddenBox.setVisible(false);
        hiddenBox.setManaged(false);
        hidden.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            hiddenBox.setVisible(true);
            hiddenBox.setManaged(true);
            selected(null);
            hiddenSsid.requestFocus();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, scan, hidden, gap, busy);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, password, connect, forget);
        HBox.setHgrow(password, Priority.ALWAYS);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox root = new VBox(8, top, list, hiddenBox, actions, message);
        root.setPadding(new Insets(10));
        stage.setScene(Theme.follow(new Scene(root, 420, 460)));
        WindowKeys.closeWith(stage);
        stage.setOnHidden(e -> stopListening());
        selected(null);
    }

    public Stage stage() {
        return stage;
    }

    /** Shows the window, the cached list at once, then a fresh scan. */
    public void open() {
        openedNanos = System.nanoTime();
        firstListNanos = -1;
        freshListNanos = -1;
        stage.show();
        stage.toFront();
        calls.execute(() -> {
            try {
                path = interfacePath();
            } catch (WifiException e) {
                say(why(e), false);
                return;
            }
            try {
                if (scanDone == null) {
                    scanDone = wpa.onScanDone(path, ok -> calls.execute(() -> scanned(ok)));
                }
                show(wpa.list(path), false);
                requestScan();
            } catch (WifiException e) {
                say(why(e), false);
            }
        });
    }

    /** The bond's Wi-Fi port if wpa_supplicant manages it, else wpa_supplicant's first interface. */
    private String interfacePath() throws WifiException {
        if (preferredIfname != null && !preferredIfname.isEmpty()) {
            try {
                return wpa.interfacePath(preferredIfname);
            } catch (WifiException e) {
                // The bond's Wi-Fi port may not be wpa_supplicant's: any interface will do.
            }
        }
        return wpa.interfacePath(null);
    }

    /** When the window last opened, the cached list came, and a fresh scan's list came (System.nanoTime, -1 = not yet). */
    public long[] timings() {
        return new long[] {openedNanos, firstListNanos, freshListNanos};
    }

    private void scan() {
        calls.execute(this::requestScan);
    }

    private void requestScan() {
        if (path == null) {
            return;
        }
        try {
            wpa.requestScan(path);
            say(t.get("picker.scanning"), true);
        } catch (WifiException e) {
            say(why(e), false);
        }
    }

    private void scanned(boolean ok) {
        try {
            show(wpa.list(path), true);
            // wpa_supplicant also scans by itself (after joining, say): such a scan's end must
            // not wipe what the line says about the join.
            if (!ok) {
                say(why(WpaClient.scanFailed()), false);
            } else if (scanning) {
                say("", false);
            }
        } catch (WifiException e) {
            say(why(e), false);
        }
    }

    private void show(List<WifiNetwork> fresh, boolean scanned) {
        Platform.runLater(() -> {
            WifiNetwork was = list.getSelectionModel().getSelectedItem();
            rows.setAll(fresh);
            if (was != null) {
                fresh.stream().filter(n -> java.util.Arrays.equals(n.ssid(), was.ssid())).findFirst()
                        .ifPresent(n -> list.getSelectionModel().select(n));
            }
            long now = System.nanoTime();
            if (firstListNanos < 0) {
                firstListNanos = now;
            }
            if (scanned && freshListNanos < 0) {
                freshListNanos = now;
            }
        });
    }

    /** wpa_supplicant's refusal in the user's language. */
    private String why(WifiException e) {
        return e.in(t.locale());
    }

    private void say(String text, boolean working) {
        scanning = working && text.equals(t.get("picker.scanning"));
        Platform.runLater(() -> {
            message.setText(text);
            busy.setVisible(working);
        });
    }

    /** What the controls offer for the selected row (null: the hidden-network form, or nothing). */
    private void selected(WifiNetwork n) {
        boolean hidden = n == null && hiddenBox.isVisible();
        if (n != null) {
            hiddenBox.setVisible(false);
            hiddenBox.setManaged(false);
        }
        boolean needsPassword = hidden ? hiddenSecurity.getValue() != Security.OPEN
                : n != null && !n.current() && !n.known() && n.security() != Security.OPEN && n.security().joinable();
        password.setVisible(needsPassword || hidden);
        password.setManaged(needsPassword || hidden);
        connect.setDisable(!hidden && (n == null || n.current() || !n.security().joinable()));
        forget.setDisable(n == null || !n.known());
        if (n != null && !n.security().joinable()) {
            message.setText(t.get("picker.not.joinable", n.security().label()));
        }
    }

    private void connect() {
        WifiNetwork n = list.getSelectionModel().getSelectedItem();
        boolean hidden = n == null && hiddenBox.isVisible();
        if (!hidden && (n == null || n.current() || !n.security().joinable())) {
            return;
        }
        byte[] ssid = hidden ? SsidText.parse(hiddenSsid.getText()) : n.ssid();
        if (ssid.length == 0 || ssid.length > 32) {
            message.setText(t.get("picker.hidden.bad"));
            return;
        }
        Security security = hidden ? hiddenSecurity.getValue() : n.security();
        boolean known = !hidden && n.known();
        char[] typed = password.getText().toCharArray();
        // The field is the only other copy of the password: cleared now, the array after use.
        password.clear();
        String name = SsidText.show(ssid);
        say(t.get("picker.connecting", name), true);
        connect.setDisable(true);
        calls.execute(() -> {
            try {
                boolean saved = true;
                if (known && typed.length == 0) {
                    wpa.rejoin(path, ssid, CONNECT_WAIT);
                } else {
                    saved = wpa.join(path, ssid, security, typed, hidden, CONNECT_WAIT);
                }
                say(t.get(saved ? "picker.connected" : "picker.connected.unsaved", name), false);
                show(wpa.list(path), false);
            } catch (WifiException e) {
                say(t.get("picker.failed", name, why(e)), false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                java.util.Arrays.fill(typed, '\0');
                Platform.runLater(() -> selected(list.getSelectionModel().getSelectedItem()));
            }
        });
    }

    private void forget() {
        WifiNetwork n = list.getSelectionModel().getSelectedItem();
        if (n == null || !n.known()) {
            return;
        }
        calls.execute(() -> {
            try {
                wpa.forget(path, n.ssid());
                boolean saved = wpa.save(path);
                say(t.get(saved ? "picker.forgot" : "picker.forgot.unsaved", n.name()), false);
                show(wpa.list(path), false);
            } catch (WifiException e) {
                say(why(e), false);
            }
        });
    }

    private void stopListening() {
        AutoCloseable s = scanDone;
        scanDone = null;
        if (s != null) {
            calls.execute(() -> {
                try {
                    s.close();
                } catch (Exception e) {
                    // the bus is gone; nothing to stop
                }
            });
        }
    }

    /** Closes the window and stops its thread. */
    public void dispose() {
        stage.hide();
        stopListening();
        calls.shutdown();
    }

    /** One network: signal bars, name, security, and whether it is in use or saved. */
    private final class Row extends ListCell<WifiNetwork> {
        @Override
        protected void updateItem(WifiNetwork n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            SignalBars bars = new SignalBars(n.bars());
            Label name = new Label(n.name());
            name.setStyle(n.current() ? "-fx-font-weight: bold" : "");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            String state = n.current() ? t.get("picker.in.use") : n.known() ? t.get("picker.known") : "";
            Label detail = new Label(String.join("  ", List.of(state, n.security() == Security.OPEN
                    ? t.get("picker.open") : n.security().label()).stream().filter(x -> !x.isEmpty()).toList()));
            detail.setStyle("-fx-opacity: 0.7");
            boolean keeps = keeping.get().contains(n.name());
            Label keepsLine = new Label(keeps ? t.get("picker.keeps") : "");
            keepsLine.setId("keeps-" + getIndex());
            keepsLine.setStyle("-fx-opacity: 0.7; -fx-font-size: 0.85em");
            VBox named = new VBox(0, name);
            if (keeps) {
                named.getChildren().add(keepsLine);
            }
            HBox box = new HBox(8, bars, named, gap, detail);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
            setAccessibleText(n.name() + ", " + n.bars() + "/4, " + n.security().label() + (state.isEmpty() ? "" : ", " + state)
                    + (keeps ? ", " + t.get("picker.keeps") : ""));
        }
    }
}
