package org.bondtray.tray;

/**
 * The tray's windows (Wi-Fi networks, status, settings), opened from the menu. Kept behind this
 * so the icon and menu run, and are tested, without a graphical toolkit.
 */
public interface TrayWindows extends AutoCloseable {
    /** Opens (or brings to the front) the window an {@code OPEN_*} action names. */
    void open(TrayMenuModel.Action which);

    /**
     * {@code true}: no panel took the tray's icon, so a window must stand in for it and say why;
     * {@code false}: a panel took it after all, and that window goes.
     */
    default void noPanel(boolean missing) {
    }

    @Override
    void close();

    /** No windows: the menu's window items do nothing. */
    TrayWindows NONE = new TrayWindows() {
        @Override
        public void open(TrayMenuModel.Action which) {
        }

        @Override
        public void close() {
        }
    };
}
