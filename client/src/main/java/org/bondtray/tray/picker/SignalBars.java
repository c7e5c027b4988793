package org.bondtray.tray.picker;

import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** Four bars of rising height, as many lit as the signal is worth: drawn, so no font needs the glyphs. */
final class SignalBars extends HBox {
    private static final Color LIT = Color.web("#2e7d32");
    private static final Color DARK = Color.web("#c8c8c8");

    SignalBars(int lit) {
        super(2);
        setAlignment(Pos.BOTTOM_LEFT);
        setMinWidth(30);
        for (int i = 0; i < 4; i++) {
            Rectangle bar = new Rectangle(5, 4 + 3 * i, i < lit ? LIT : DARK);
            getChildren().add(bar);
        }
        setAccessibleText(lit + "/4");
    }
}
