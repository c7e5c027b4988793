package org.bondtray.tray.sni;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray icon on the session bus as {@code org.kde.StatusNotifierItem}. The icon is named from
 * Bondtray's own theme folder (IconThemePath), with pixmaps for panels that cannot look names up;
 * the menu is {@link TrayMenu}, and a left click opens it too (ItemIsMenu), as network applets do.
 */
public final class TrayItem extends ReadOnlyProperties implements StatusNotifierItem {
    private static final Logger LOG = Logger.getLogger(TrayItem.class.getName());

    /** The icon, its pixmaps, and the tooltip, as one value so they always match. */
    public record Look(String iconName, List<IconPixmap> pixmaps, String title, String toolTip) {
    }

    private final DBusConnection bus;
    private final String id;
    private final String themePath;
    private volatile Look look;

    public TrayItem(DBusConnection bus, String id, String themePath, Look initial) {
        super("tray icon");
        this.bus = bus;
        this.id = id;
        this.themePath = themePath;
        this.look = initial;
    }

    @Override
    public String getObjectPath() {
        return SniNames.ITEM_PATH;
    }

    public Look look() {
        return look;
    }

    /** Shows {@code next}; the panel is told only about what changed. */
    public void show(Look next) {
        Look before = look;
        look = next;
        try {
            if (!next.iconName().equals(before.iconName())) {
                bus.sendMessage(new NewIcon(SniNames.ITEM_PATH));
            }
            if (!next.toolTip().equals(before.toolTip()) || !next.title().equals(before.title())) {
                bus.sendMessage(new NewToolTip(SniNames.ITEM_PATH));
            }
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "could not tell the panel the icon changed", e);
        }
    }

    // The panel opens the menu itself (ItemIsMenu); these come from panels that ask anyway.
    @Override
    public void ContextMenu(int x, int y) {
    }

    @Override
    public void Activate(int x, int y) {
    }

    @Override
    public void SecondaryActivate(int x, int y) {
    }

    @Override
    public void Scroll(int delta, String orientation) {
    }

    // ---- org.freedesktop.DBus.Properties -----------------------------------------------------------

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        if (!iface.isEmpty() && !SniNames.ITEM_INTERFACE.equals(iface)) {
            return p;
        }
        Look l = look;
        // The specification's category for system services; a network applet is one.
        p.put("Category", new Variant<>("SystemServices"));
        p.put("Id", new Variant<>(id));
        p.put("Title", new Variant<>(l.title()));
        p.put("Status", new Variant<>("Active"));
        p.put("WindowId", new Variant<>(0));
        p.put("IconThemePath", new Variant<>(themePath));
        p.put("IconName", new Variant<>(l.iconName()));
        p.put("IconPixmap", new Variant<>(l.pixmaps(), "a(iiay)"));
        p.put("OverlayIconName", new Variant<>(""));
        p.put("AttentionIconName", new Variant<>(""));
        p.put("ToolTip", new Variant<>(new ToolTip(l.iconName(), l.pixmaps(), l.title(), l.toolTip()),
                "(sa(iiay)ss)"));
        p.put("ItemIsMenu", new Variant<>(true));
        p.put("Menu", new Variant<>(new DBusPath(SniNames.MENU_PATH)));
        return p;
    }
}
