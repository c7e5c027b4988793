package org.bondtray.tray;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The keys that close a window on the desktops Bondtray runs on: Escape, as a dialog closes, and
 * Ctrl+W, as any window of GNOME's and KDE's own utilities closes. The tray's windows are made
 * once and shown again, so closing hides the window, as its title bar's close button does.
 */
public final class WindowKeys {
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private WindowKeys() {
    }

    /**
     * {@code stage}'s scene (set already) closes it on Escape or Ctrl+W. A handler, not a filter:
     * a control that takes Escape for itself (an open choice list, a field's own undo) has it
     * first, and the window closes only on a key nobody in it wanted.
     */
    public static void closeWith(Stage stage) {
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean escape = e.getCode() == KeyCode.ESCAPE && !e.isShiftDown() && !e.isControlDown() && !e.isAltDown()
                    && !e.isMetaDown();
            if (escape || CLOSE.match(e)) {
                e.consume();
                stage.hide();
            }
        });
    }
}
