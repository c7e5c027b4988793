package org.bondtray.tray.sni;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.tray.TrayMenuModel;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The tray menu on the session bus as {@code com.canonical.dbusmenu}: the panel reads the layout
 * and sends clicks; every new set of items bumps the revision and says so with LayoutUpdated.
 */
public final class TrayMenu extends ReadOnlyProperties implements DBusMenu {
    private static final Logger LOG = Logger.getLogger(TrayMenu.class.getName());
    private static final int ROOT = 0;

    private final DBusConnection bus;
    private final Consumer<TrayMenuModel.Action> onClick;
    private final List<String> themePath;
    private List<TrayMenuModel.Item> items = List.of();
    private int revision;
    private volatile int shownCount;

    public TrayMenu(DBusConnection bus, List<String> themePath, Consumer<TrayMenuModel.Action> onClick) {
        super("menu");
        this.bus = bus;
        this.themePath = themePath;
        this.onClick = onClick;
    }

    @Override
    public String getObjectPath() {
        return SniNames.MENU_PATH;
    }

    /** Shows {@code next}; the panel hears of it only when something changed. */
    public void update(List<TrayMenuModel.Item> next) {
        int rev;
        synchronized (this) {
            if (next.equals(items)) {
                return;
            }
            items = List.copyOf(next);
            rev = ++revision;
        }
        try {
            bus.sendMessage(new LayoutUpdated(SniNames.MENU_PATH, new UInt32(rev), ROOT));
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "could not tell the panel the menu changed", e);
        }
    }

    /** The id of the item that asks for {@code action}, as a panel would find it in the layout; -1 if none. */
    public synchronized int idOf(TrayMenuModel.Action action) {
        return items.stream().filter(i -> i.action() == action).mapToInt(TrayMenuModel.Item::id).findFirst().orElse(-1);
    }

    /** The items shown now, for another tray that draws the same menu. */
    public synchronized List<TrayMenuModel.Item> items() {
        return items;
    }

    /** How often the panel asked to show the menu (AboutToShow on the root). */
    public int shownCount() {
        return shownCount;
    }

    @Override
    public synchronized LayoutReply<UInt32, Layout> GetLayout(int parentId, int recursionDepth,
                                                              List<String> propertyNames) {
        if (parentId != ROOT) {
            TrayMenuModel.Item item = find(parentId);
            return new LayoutReply<>(new UInt32(revision), new Layout(parentId, properties(item, propertyNames),
                    List.of()));
        }
        List<Variant<?>> children = new ArrayList<>();
        if (recursionDepth != 0) {
            for (TrayMenuModel.Item i : items) {
                children.add(new Variant<>(new Layout(i.id(), properties(i, propertyNames), List.of()),
                        Layout.SIGNATURE));
            }
        }
        Map<String, Variant<?>> root = new LinkedHashMap<>();
        root.put("children-display", new Variant<>("submenu"));
        return new LayoutReply<>(new UInt32(revision), new Layout(ROOT, root, children));
    }

    @Override
    public synchronized List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
        List<ItemProperties> out = new ArrayList<>();
        for (TrayMenuModel.Item i : items) {
            if (ids.isEmpty() || ids.contains(i.id())) {
                out.add(new ItemProperties(i.id(), properties(i, propertyNames)));
            }
        }
        return out;
    }

    @Override
    public synchronized Variant<?> GetProperty(int id, String name) {
        Variant<?> v = properties(find(id), List.of()).get(name);
        if (v == null) {
            throw new DBusExecutionException("item " + id + " has no property " + name);
        }
        return v;
    }

    @Override
    public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
        if (!"clicked".equals(eventId)) {
            if ("opened".equals(eventId) && id == ROOT) {
                shownCount++;
            }
            return;
        }
        TrayMenuModel.Item item;
        synchronized (this) {
            item = items.stream().filter(i -> i.id() == id).findFirst().orElse(null);
        }
        if (item != null && item.enabled() && item.action() != TrayMenuModel.Action.NONE) {
            onClick.accept(item.action());
        }
    }

    @Override
    public List<Integer> EventGroup(List<GroupEvent> events) {
        List<Integer> notFound = new ArrayList<>();
        for (GroupEvent e : events) {
            if (e.id != ROOT && findOrNull(e.id) == null) {
                notFound.add(e.id);
            } else {
                Event(e.id, e.eventId, e.data, e.timestamp);
            }
        }
        return notFound;
    }

    @Override
    public boolean AboutToShow(int id) {
        if (id == ROOT) {
            shownCount++;
        }
        return false;
    }

    @Override
    public GroupReply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
        if (ids.contains(ROOT)) {
            shownCount++;
        }
        return new GroupReply<>(List.of(), ids.stream().filter(i -> i != ROOT && findOrNull(i) == null).toList());
    }

    private synchronized TrayMenuModel.Item findOrNull(int id) {
        return items.stream().filter(i -> i.id() == id).findFirst().orElse(null);
    }

    private TrayMenuModel.Item find(int id) {
        TrayMenuModel.Item i = findOrNull(id);
        if (i == null) {
            throw new DBusExecutionException("the menu has no item " + id);
        }
        return i;
    }

    /** The dbusmenu properties of one item; {@code wanted} empty means all. */
    private static Map<String, Variant<?>> properties(TrayMenuModel.Item i, List<String> wanted) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        if (i.separator()) {
            p.put("type", new Variant<>("separator"));
        } else {
            p.put("label", new Variant<>(i.label()));
            p.put("enabled", new Variant<>(i.enabled()));
            if (!i.toggle().isEmpty()) {
                p.put("toggle-type", new Variant<>(i.toggle()));
                p.put("toggle-state", new Variant<>(i.on() ? 1 : 0));
            }
        }
        p.put("visible", new Variant<>(i.visible()));
        if (!wanted.isEmpty()) {
            p.keySet().retainAll(wanted);
        }
        return p;
    }

    // ---- org.freedesktop.DBus.Properties -----------------------------------------------------------

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        if (iface.isEmpty() || SniNames.MENU_INTERFACE.equals(iface)) {
            p.put("Version", new Variant<>(new UInt32(3)));
            p.put("TextDirection", new Variant<>("ltr"));
            p.put("Status", new Variant<>("normal"));
            p.put("IconThemePath", new Variant<>(themePath.toArray(String[]::new)));
        }
        return p;
    }
}
