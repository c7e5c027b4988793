package org.bondtray.tray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.bondtray.i18n.Texts;

/**
 * {@code bondtray tray}: the tray icon, its menu and the notifications, until Quit. The icon
 * theme is Bondtray's installed one, or the one named by {@code -Dbondtray.icons=DIR}.
 */
public final class TrayMain {
    /**
     * The system's icon themes: the package installs Bondtray's icons into hicolor there, where
     * the desktop file's icon is looked up too.
     */
    static final Path INSTALLED_ICONS = Path.of("/usr/share/icons");
    private static final long CHANGE_TIMEOUT_MS = 5 * 60 * 1000;

    private TrayMain() {
    }

    public static int run() throws Exception {
        Path icons = Path.of(System.getProperty("bondtray.icons", INSTALLED_ICONS.toString()));
        if (!Files.isDirectory(icons.resolve("hicolor"))) {
            System.err.println("bondtray: no icon theme in " + icons + "; run from an installed package or pass"
                    + " -Dbondtray.icons=DIR (the project's icons folder)");
            return 2;
        }
        CountDownLatch quit = new CountDownLatch(1);
        DBusConnection session = DBusConnectionBuilder.forSessionBus().build();
        DBusConnection system = DBusConnectionBuilder.forSystemBus().build();
        // A change may wait for someone to type an administrator password at polkit's prompt.
        org.freedesktop.dbus.messages.MethodCall.setDefaultTimeout(CHANGE_TIMEOUT_MS);
        try (TrayApp tray = new TrayApp(session, system, icons, Texts.forUser(), quit::countDown)) {
            if (!OneTray.claim(session, () -> tray.act(TrayMenuModel.Action.OPEN_STATUS))) {
                // This session has its tray already: it shows its status, this one ends.
                OneTray.showFirst(session);
                return 0;
            }
            tray.windows(new org.bondtray.tray.windows.FxWindows(tray, org.bondtray.net.NetSysfs.system()));
            tray.legacyTray(new org.bondtray.tray.awt.AwtTrayIcon(tray));
            tray.start();
            quit.await();
            // The windows' toolkit, if a window started it, ends with the tray.
            javafx.application.Platform.exit();
        } finally {
            session.disconnect();
            system.disconnect();
        }
        return 0;
    }
}
