package org.bondtray.tray;

import java.time.Duration;

/**
 * Where the icon is: in a panel (its StatusNotifierWatcher took it), in an older system tray, or
 * nowhere, with a window standing in for it if she wants one. A panel that comes later wins over
 * both. Its methods are synchronized: a panel, the grace timer and her settings act from
 * different threads.
 */
final class IconPlace {
    /** How long a panel may take to take the icon before the tray says none will. */
    private volatile Duration grace = Duration.ofSeconds(8);
    private volatile LegacyTray legacy = LegacyTray.NONE;
    private volatile long registeredNanos = -1;
    private boolean inLegacy;

    Duration grace() {
        return grace;
    }

    void grace(Duration d) {
        grace = d;
    }

    void legacy(LegacyTray tray) {
        legacy = tray;
    }

    /** When a panel's watcher last took the icon (System.nanoTime()), -1 if none has. */
    long registeredNanos() {
        return registeredNanos;
    }

    /** She wants the stand-in window ({@code show}) or not: it shows only while the icon is nowhere. */
    synchronized void standIn(TrayWindows windows, boolean show) {
        windows.noPanel(show && registeredNanos < 0 && !inLegacy);
    }

    /**
     * The grace is over and no panel took the icon: on a desktop without a StatusNotifierItem
     * host (GNOME without the AppIndicator extension, a window manager with a stand-alone tray)
     * the icon would be nowhere. It goes to the older system tray if the display has one; if not,
     * a window stands in for it, if she wants one.
     */
    synchronized void graceOver(TrayWindows windows, boolean standInWanted) {
        if (registeredNanos < 0) {
            inLegacy = legacy.show();
            if (!inLegacy && standInWanted) {
                windows.noPanel(true);
            }
        }
    }

    /** A panel took the icon: whatever stood in for it goes. */
    synchronized void panelTookIcon(TrayWindows windows) {
        registeredNanos = System.nanoTime();
        leaveLegacy();
        // Takes away the window that stood in for a missing panel; nothing if there was none.
        windows.noPanel(false);
    }

    synchronized void leaveLegacy() {
        if (inLegacy) {
            legacy.hide();
            inLegacy = false;
        }
    }
}
