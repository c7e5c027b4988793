package org.bondtray.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The build's JavaFX test setup works with no display: Monocle's headless platform, software
 * rendering and the glass robot (the surefire configuration in pom.xml). Window tests of the
 * tray app stand on this.
 */
@ExtendWith(ApplicationExtension.class)
class HeadlessToolkitTest {
    private Button button;
    private int clicks;

    @Start
    void start(Stage stage) {
        button = new Button("Switch now");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void aRobotClicksARealButtonWithoutADisplay(FxRobot robot) {
        robot.clickOn("Switch now");
        assertEquals(1, clicks);
        assertTrue(button.getScene().getWindow().isShowing());
        assertEquals("Monocle", System.getProperty("glass.platform"));
    }
}
