package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dark scheme reaches what modena does not derive from the base colours: a list's selected
 * row while another control has the focus (the Wi-Fi picker's network once the password field
 * is clicked) was modena's fixed light grey, its light text all but gone on it.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    private ListView<String> list;
    private Button other;

    @Start
    void start(Stage stage) {
        list = new ListView<>();
        list.getItems().addAll("bondtray-lan", "bondtray-cafe");
        other = new Button("Connect");
        Scene scene = Theme.follow(new Scene(new VBox(list, other), 300, 200));
        scene.getPreferences().setColorScheme(ColorScheme.DARK);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSelectedRowWithoutTheFocusIsDarkWithLightTextInTheDarkScheme() throws Exception {
        AtomicReference<double[]> seen = new AtomicReference<>();
        Platform.runLater(() -> {
            list.getSelectionModel().select(1);
            other.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> {
            list.getScene().getRoot().applyCss();
            list.getScene().getRoot().layout();
            ListCell<?> cell = (ListCell<?>) list.lookupAll(".list-cell").stream()
                    .filter(n -> n instanceof ListCell<?> c && c.isSelected()).findFirst().orElseThrow();
            Color row = (Color) cell.getBackground().getFills().get(cell.getBackground().getFills().size() - 1).getFill();
            Color text = (Color) cell.getTextFill();
            seen.set(new double[] {row.getBrightness(), text.getBrightness()});
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] b = seen.get();
        assertTrue(!list.isFocused(), "the list has not the focus");
        assertTrue(b[0] < 0.45, "the selected row is dark: " + b[0]);
        assertTrue(b[1] > 0.6, "its text is light: " + b[1]);
    }
}
