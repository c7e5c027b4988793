package org.bondtray.tray;

/**
 * Where no panel hosts StatusNotifierItems, the icon's next home: the display's older system
 * tray (the freedesktop System Tray protocol over XEmbed, which stand-alone trays and older
 * panels still host). Only where there is none either does a window stand in for the icon.
 */
public interface LegacyTray {
    /** Puts the icon in that tray; {@code false} when the display has none, or there is no display. */
    boolean show();

    /** Takes the icon away: a panel took the StatusNotifierItem after all. */
    void hide();

    /** No older tray is tried: straight to the window. */
    LegacyTray NONE = new LegacyTray() {
        @Override
        public boolean show() {
            return false;
        }

        @Override
        public void hide() {
        }
    };
}
