package org.bondtray.tray.sni;

/** Names of the StatusNotifierItem and dbusmenu protocols, spelled once. */
public final class SniNames {
    public static final String ITEM_INTERFACE = "org.kde.StatusNotifierItem";
    public static final String ITEM_PATH = "/StatusNotifierItem";
    public static final String WATCHER_NAME = "org.kde.StatusNotifierWatcher";
    public static final String WATCHER_INTERFACE = "org.kde.StatusNotifierWatcher";
    public static final String WATCHER_PATH = "/StatusNotifierWatcher";
    public static final String MENU_INTERFACE = "com.canonical.dbusmenu";
    public static final String MENU_PATH = "/MenuBar";

    private SniNames() {
    }
}
