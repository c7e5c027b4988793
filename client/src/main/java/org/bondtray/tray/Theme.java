package org.bondtray.tray;

import javafx.application.ColorScheme;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * Light or dark, as the desktop says. Every window's scene takes Bondtray's stylesheet, whose
 * dark block applies when the scene's color scheme (the desktop's, unless overridden) is dark; a
 * change on the desktop restyles open windows at once. What is drawn by hand (the status
 * window's chart) asks {@link #dark} and {@link #surface}.
 */
public final class Theme {
    private static final String STYLESHEET = Theme.class.getResource("bondtray.css").toExternalForm();

    private Theme() {
    }

    /** {@code scene} follows the desktop's color scheme from now on. */
    public static Scene follow(Scene scene) {
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    public static boolean dark(Scene scene) {
        return scene != null && scene.getPreferences().getColorScheme() == ColorScheme.DARK;
    }

    /** The background of a hand-drawn surface, and the faint lines on it. */
    public static Color surface(boolean dark) {
        return dark ? Color.web("#232323") : Color.web("#fafafa");
    }

    public static Color rule(boolean dark) {
        return dark ? Color.web("#3c3c3c") : Color.web("#e0e0e0");
    }

    /** A frame around a card: the active one stands out in either scheme. */
    public static String frame(boolean dark, boolean active) {
        return active ? "#1e88e5" : dark ? "#555555" : "#bdbdbd";
    }
}
