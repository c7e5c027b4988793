package org.bondtray.tray;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;

/**
 * One tray per session, as nm-applet and blueman: the first {@code bondtray tray} owns a
 * well-known name on the session bus; a second one asks it to show its status window and ends,
 * so a second launch (a menu click, autostart twice) never gives two icons and double
 * notifications. The name goes with the first tray's connection.
 */
public final class OneTray {
    public static final String NAME = "org.bondtray.Bondtray";
    public static final String PATH = "/org/bondtray/Bondtray";

    /** What the first tray answers to; documented in src/doc/tray-api.txt. */
    @DBusInterfaceName("org.bondtray.Bondtray1")
    public interface Application extends DBusInterface {
        /** Shows the status window, as the menu's Status… does. */
        void ShowStatus();
    }

    private OneTray() {
    }

    /**
     * Makes this tray the session's one, answering ShowStatus with {@code showStatus}; false if
     * another tray already is.
     */
    public static boolean claim(DBusConnection session, Runnable showStatus) throws DBusException {
        Application app = new Application() {
            @Override
            public void ShowStatus() {
                showStatus.run();
            }

            @Override
            public String getObjectPath() {
                return PATH;
            }
        };
        session.exportObject(PATH, app);
        try {
            session.requestBusName(NAME);
            return true;
        } catch (DBusException taken) {
            session.unExportObject(PATH);
            return false;
        }
    }

    /** Has the session's tray show its status window. */
    public static void showFirst(DBusConnection session) throws DBusException {
        try {
            session.getRemoteObject(NAME, PATH, Application.class).ShowStatus();
        } catch (DBusExecutionException e) {
            throw new DBusException("the session's Bondtray did not answer: " + e.getMessage());
        }
    }
}
