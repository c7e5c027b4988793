package org.bondtray.tray.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.Theme;
import org.bondtray.tray.WindowKeys;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayTexts;

/**
 * The status window: both links side by side, the bond, the switchovers with their reason and
 * outage, and the last hour's Wi-Fi signal over which link carried the traffic. It follows the
 * tray's snapshots and history while it is shown.
 */
public final class StatusWindow {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final TrayApp app;
    private final Texts t;
    private final TrayTexts words;
    private final Stage stage = new Stage();
    private final HBox links = new HBox(12);
    private final GridPane bond = new GridPane();
    private final TableView<History.Switch> timeline = new TableView<>();
    private final SignalChart chart = new SignalChart(520, 90);
    private AutoCloseable snapshots;
    private AutoCloseable history;

    public StatusWindow(TrayApp app) {
        this.app = app;
        this.t = app.texts();
        this.words = new TrayTexts(t);
        stage.setTitle(t.get("status.window.title"));
        links.setId("links");
        bond.setId("bond");
        bond.setHgap(12);
        bond.setVgap(4);
        timeline.setId("timeline");
        timeline.setPlaceholder(new Label(t.get("status.timeline.empty")));
        timeline.setPrefHeight(150);
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.getColumns().add(column(t.get("status.col.time"), s -> TIME.format(s.at())));
        timeline.getColumns().add(column(t.get("status.col.change"),
                s -> (s.from().isEmpty() ? "–" : s.from()) + " → " + (s.to().isEmpty() ? "–" : s.to())));
        timeline.getColumns().add(column(t.get("status.col.reason"), s -> t.getOr("reason." + s.reason(), s.reason())));
        // From no link at all (the bond set up), there was no connection to interrupt: no outage to show.
        timeline.getColumns().add(column(t.get("status.col.outage"),
                s -> s.from().isEmpty() ? "–" : t.get("status.outage", s.outageMs())));
        chart.setId("chart");
        VBox root = new VBox(8, heading("status.links"), links, heading("status.bond"), bond,
                heading("status.timeline"), timeline, heading("status.chart"), chart, legend());
        root.setPadding(new Insets(10));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        stage.setScene(Theme.follow(new Scene(root, 540, 600)));
        WindowKeys.closeWith(stage);
        // The desktop turned dark or light: the cards' frames and the chart are drawn by hand.
        stage.getScene().getPreferences().colorSchemeProperty().addListener((o, was, is) -> {
            if (stage.isShowing()) {
                showBond(app.snapshot());
                showHistory();
            }
        });
        stage.setOnHidden(e -> stopFollowing());
    }

    public Stage stage() {
        return stage;
    }

    public void open() {
        if (snapshots == null) {
            snapshots = app.listen(s -> Platform.runLater(() -> showBond(s)));
            history = app.history().listen(() -> Platform.runLater(this::showHistory));
        }
        showBond(app.snapshot());
        showHistory();
        stage.show();
        stage.toFront();
    }

    private static TableColumn<History.Switch, String> column(String title,
            java.util.function.Function<History.Switch, String> value) {
        TableColumn<History.Switch, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private Label heading(String key) {
        Label l = new Label(t.get(key));
        l.setStyle("-fx-font-weight: bold");
        return l;
    }

    private HBox legend() {
        return new HBox(12, swatch(SignalChart.WIRED, t.get("status.legend.wired")),
                swatch(SignalChart.WIRELESS, t.get("status.legend.wireless")),
                swatch(SignalChart.NONE, t.get("status.legend.none")),
                swatch(SignalChart.LINE, t.get("status.legend.signal")));
    }

    private static Label swatch(javafx.scene.paint.Color c, String text) {
        Label l = new Label(text, new javafx.scene.shape.Rectangle(10, 10, c));
        l.setStyle("-fx-font-size: 10");
        return l;
    }

    private void showBond(BondSnapshot s) {
        links.getChildren().clear();
        bond.getChildren().clear();
        if (!s.helperReachable()) {
            links.getChildren().add(new Label(t.get("status.unreachable", s.reason())));
            return;
        }
        for (BondSnapshot.Port p : s.ports()) {
            links.getChildren().add(card(s, p));
        }
        if (s.ports().isEmpty()) {
            links.getChildren().add(new Label(t.get("status.state", s.state(), s.reason())));
        }
        int row = 0;
        row = field(row, "status.field.state", s.reason().isEmpty() ? s.state() : s.state() + " (" + s.reason() + ")");
        row = field(row, "status.field.address", String.join(", ", s.addresses()));
        row = field(row, "status.field.gateway", String.join(", ", s.gateway()));
        row = field(row, "status.field.dns", String.join(", ", s.dns()));
        row = field(row, "status.field.mode", t.get("status.mode"));
        row = field(row, "status.field.preference", t.getOr("status.preference." + s.preference(), s.preference()));
        field(row, "status.field.network", t.getOr("status.network." + s.network(), s.network()));
    }

    private int field(int row, String key, String value) {
        Label v = new Label(value.isEmpty() ? "–" : value);
        v.setId(key.substring(key.lastIndexOf('.') + 1));
        bond.addRow(row, new Label(t.get(key)), v);
        return row + 1;
    }

    private Node card(BondSnapshot s, BondSnapshot.Port p) {
        GridPane g = new GridPane();
        g.setId("port-" + p.name());
        g.setHgap(8);
        g.setVgap(2);
        g.setPadding(new Insets(6));
        g.setStyle("-fx-border-color: " + Theme.frame(Theme.dark(stage.getScene()), p.name().equals(s.activePort()))
                + "; -fx-border-radius: 4");
        Label title = new Label(p.name() + " · " + t.get(p.wireless() ? "status.kind.wireless" : "status.kind.wired"));
        title.setStyle("-fx-font-weight: bold");
        g.add(title, 0, 0, 2, 1);
        String role = p.name().equals(s.activePort()) ? t.get("status.role.active")
                : p.role().equals("backup") ? t.get("status.role.backup") : words.why(p);
        int r = 1;
        r = cardRow(g, r, "status.field.role", role);
        if (p.wireless()) {
            r = cardRow(g, r, "status.field.ssid", p.ssid());
            r = cardRow(g, r, "status.field.signal", p.signal() == 0 ? "" : t.get("status.dbm", p.signal()));
        } else {
            r = cardRow(g, r, "status.field.speed", p.speed() > 0 ? words.speed(p.speed()) : "");
        }
        r = cardRow(g, r, "status.field.failures", String.valueOf(p.linkFailures()));
        cardRow(g, r, "status.field.mac", p.permanentAddress());
        HBox.setHgrow(g, Priority.ALWAYS);
        return g;
    }

    private int cardRow(GridPane g, int row, String key, String value) {
        g.addRow(row, new Label(t.get(key)), new Label(value.isEmpty() ? "–" : value));
        return row + 1;
    }

    private void showHistory() {
        List<History.Switch> switches = app.history().switches();
        timeline.setItems(FXCollections.observableArrayList(switches));
        chart.draw(app.history().samples(), Instant.now(), new String[] {"-30 dBm", t.get("status.chart.hour"),
                t.get("status.chart.now")});
    }

    private void stopFollowing() {
        for (AutoCloseable c : new AutoCloseable[] {snapshots, history}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // a listener list does not fail to let go
            }
        }
        snapshots = null;
        history = null;
    }

    public void dispose() {
        stage.hide();
        stopFollowing();
    }
}
