package org.bondtray.tray.nopanel;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.bondtray.i18n.Texts;
import org.bondtray.tray.Theme;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;

/**
 * Stands in for the tray icon where no panel hosts StatusNotifierItems: says why there is no
 * icon and what to install, shows which link carries the traffic, and offers the menu's windows.
 * Notifications go on as before. It goes when a panel takes the icon; closing it keeps the
 * tray running.
 */
public final class NoPanelWindow {
    private final TrayApp app;
    private final Stage stage = new Stage();
    private final Label state = new Label();
    private final AutoCloseable following;

    public NoPanelWindow(TrayApp app) {
        this.app = app;
        Texts t = app.texts();
        stage.setTitle(t.get("nopanel.title"));
        Label heading = new Label(t.get("nopanel.heading"));
        heading.setId("heading");
        heading.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        Label why = new Label(t.get("nopanel.why"));
        why.setId("why");
        why.setWrapText(true);
        state.setId("state");
        state.setWrapText(true);
        HBox buttons = new HBox(8, button("open-wifi", t.plain("menu.wifi"), TrayMenuModel.Action.OPEN_WIFI),
                button("open-status", t.plain("menu.status"), TrayMenuModel.Action.OPEN_STATUS),
                button("open-settings", t.plain("menu.settings"), TrayMenuModel.Action.OPEN_SETTINGS),
                button("quit", t.plain("menu.quit"), TrayMenuModel.Action.QUIT));
        // Some never install a panel extension: the window stays away from then on, also at login.
        Button never = new Button(t.get("nopanel.never"));
        never.setId("never-again");
        never.setOnAction(e -> app.standInWindow(false));
        Label after = new Label(t.get("nopanel.never.after"));
        after.setWrapText(true);
        VBox root = new VBox(12, heading, why, state, buttons, new HBox(8, never), after);
        root.setPadding(new Insets(16));
        root.setPrefWidth(520);
        stage.setScene(Theme.follow(new Scene(root)));
        showState();
        following = app.listen(s -> javafx.application.Platform.runLater(this::showState));
    }

    private Button button(String id, String text, TrayMenuModel.Action action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> app.act(action));
        return b;
    }

    /** The first line of the icon's tooltip: which link carries the traffic, or why none does. */
    private void showState() {
        state.setText(app.item().look().toolTip().lines().findFirst().orElse(""));
    }

    public void open() {
        stage.show();
        stage.toFront();
    }

    public void hide() {
        stage.hide();
    }

    public Stage stage() {
        return stage;
    }

    public void dispose() {
        try {
            following.close();
        } catch (Exception e) {
            // a listener list's removal does not fail
        }
        stage.close();
    }
}
