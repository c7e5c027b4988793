package org.bondtray.tray.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.tray.TrayTexts;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Tells the user through the desktop's notification server. A burst of switchovers (a cable
 * wiggled in its socket) updates one notification instead of piling them up: while the last one
 * is still shown it is replaced. Actions are offered only where the server shows them.
 */
public final class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    public static final String SWITCH_BACK = "switch-back";
    /** The key servers send when the notification itself is clicked: it opens the status window. */
    public static final String OPEN_STATUS = "default";
    private static final int EXPIRE_MS = 8000;

    private final DBusConnection bus;
    private final String appName;
    private final Map<String, String> actionLabels;
    private UInt32 shown = new UInt32(0);
    private volatile long lastShownNanos = -1;
    private volatile String lastSummary = "";
    private volatile NotifyWhen when = NotifyWhen.EVERY_SWITCHOVER;

    /**
     * {@code actionLabels}: the words for {@link #SWITCH_BACK} and {@link #OPEN_STATUS};
     * {@code onAction} gets the action key the user chose.
     */
    public Notifier(DBusConnection bus, String appName, Map<String, String> actionLabels, Consumer<String> onAction)
            throws DBusException {
        this.bus = bus;
        this.appName = appName;
        this.actionLabels = Map.copyOf(actionLabels);
        bus.addSigHandler(Notifications.NotificationClosed.class, s -> closed(s.getId()));
        bus.addSigHandler(Notifications.ActionInvoked.class, s -> {
            if (s.getId().equals(current())) {
                onAction.accept(s.getActionKey());
            }
        });
    }

    private synchronized UInt32 current() {
        return shown;
    }

    private synchronized void closed(UInt32 id) {
        if (id.equals(shown)) {
            shown = new UInt32(0);
        }
    }

    /** When the server last took a notification (System.nanoTime()), -1 if never: the figure for "notified". */
    public long lastShownNanos() {
        return lastShownNanos;
    }

    public String lastSummary() {
        return lastSummary;
    }

    /**
     * The notification specification's category for a notice shown with {@code icon}: no link
     * (or no helper) is network.disconnected, any link network.connected, so a server can treat
     * them as it treats NetworkManager's.
     */
    static String category(String icon) {
        return icon.equals(org.bondtray.tray.TrayIconName.DOWN) || icon.equals(org.bondtray.tray.TrayIconName.UNAVAILABLE)
                ? "network.disconnected" : "network.connected";
    }

    /** Which notices go on screen from now on. */
    public void showOnly(NotifyWhen w) {
        when = w;
    }

    public NotifyWhen showing() {
        return when;
    }

    /** {@code text} as the body markup of the notification specification shows it, word for word. */
    static String markupEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Shows {@code notice}, replacing the one still on screen; {@code switchBack} offers that
     * action; every notification opens the status window when clicked.
     */
    public void show(TrayTexts.Notice notice, String icon, boolean switchBack) {
        if (!when.shows(notice)) {
            return;
        }
        try {
            Notifications server = bus.getRemoteObject(Notifications.BUS_NAME, Notifications.PATH, Notifications.class);
            List<String> capabilities = server.GetCapabilities();
            List<String> actions = new ArrayList<>();
            if (capabilities.contains("actions")) {
                if (switchBack) {
                    actions.add(SWITCH_BACK);
                    actions.add(actionLabels.get(SWITCH_BACK));
                }
                actions.add(OPEN_STATUS);
                actions.add(actionLabels.get(OPEN_STATUS));
            }
            Map<String, Variant<?>> hints = Map.of("category", new Variant<>(category(icon)),
                    "desktop-entry", new Variant<>("org.bondtray.Bondtray"));
            UInt32 replaces = current();
            // A server that renders markup in bodies would take a reason's "<" for a tag (and a
            // link or an image from whoever chose the words); in plain text nothing is escaped.
            String body = capabilities.contains("body-markup") ? markupEscaped(notice.body()) : notice.body();
            UInt32 id = server.Notify(appName, replaces, icon, notice.summary(), body, actions, hints, EXPIRE_MS);
            synchronized (this) {
                shown = id;
            }
            lastSummary = notice.summary();
            lastShownNanos = System.nanoTime();
        } catch (DBusException | RuntimeException e) {
            // No notification server (a bare X session): the tray icon still tells.
            LOG.log(Level.INFO, "no notification shown: " + e.getMessage());
        }
    }
}
