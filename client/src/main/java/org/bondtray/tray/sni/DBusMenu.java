package org.bondtray.tray.sni;

import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code com.canonical.dbusmenu}: the tray icon's menu, laid out and clicked by the panel. Its
 * properties (Version, TextDirection, Status, IconThemePath) are served by {@link TrayMenu}.
 */
@DBusInterfaceName(SniNames.MENU_INTERFACE)
public interface DBusMenu extends DBusInterface {
    /** (u revision, (ia{sv}av) layout). */
    LayoutReply<UInt32, Layout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    List<ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

    Variant<?> GetProperty(int id, String name);

    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    /** Returns the ids that were not found. */
    List<Integer> EventGroup(List<GroupEvent> events);

    boolean AboutToShow(int id);

    GroupReply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

    /** (ia{sv}av): an item, its properties, its children as variants of the same type. */
    final class Layout extends Struct {
        public static final String SIGNATURE = "(ia{sv}av)";
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;
        @Position(2)
        public final List<Variant<?>> children;

        public Layout(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
            this.id = id;
            this.properties = properties;
            this.children = children;
        }
    }

    final class ItemProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final Map<String, Variant<?>> properties;

        public ItemProperties(int id, Map<String, Variant<?>> properties) {
            this.id = id;
            this.properties = properties;
        }
    }

    final class RemovedProperties extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final List<String> names;

        public RemovedProperties(int id, List<String> names) {
            this.id = id;
            this.names = names;
        }
    }

    final class GroupEvent extends Struct {
        @Position(0)
        public final int id;
        @Position(1)
        public final String eventId;
        @Position(2)
        public final Variant<?> data;
        @Position(3)
        public final UInt32 timestamp;

        public GroupEvent(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            this.id = id;
            this.eventId = eventId;
            this.data = data;
            this.timestamp = timestamp;
        }
    }

    final class LayoutReply<A, B> extends Tuple {
        @Position(0)
        public final A revision;
        @Position(1)
        public final B layout;

        public LayoutReply(A revision, B layout) {
            this.revision = revision;
            this.layout = layout;
        }
    }

    final class GroupReply<A, B> extends Tuple {
        @Position(0)
        public final A updatesNeeded;
        @Position(1)
        public final B idErrors;

        public GroupReply(A updatesNeeded, B idErrors) {
            this.updatesNeeded = updatesNeeded;
            this.idErrors = idErrors;
        }
    }

    class LayoutUpdated extends DBusSignal {
        private final UInt32 revision;
        private final int parent;

        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
            this.revision = revision;
            this.parent = parent;
        }

        public UInt32 getRevision() {
            return revision;
        }

        public int getParent() {
            return parent;
        }
    }

    class ItemsPropertiesUpdated extends DBusSignal {
        private final List<ItemProperties> updated;
        private final List<RemovedProperties> removed;

        public ItemsPropertiesUpdated(String path, List<ItemProperties> updated, List<RemovedProperties> removed)
                throws DBusException {
            super(path, updated, removed);
            this.updated = updated;
            this.removed = removed;
        }

        public List<ItemProperties> getUpdated() {
            return updated;
        }

        public List<RemovedProperties> getRemoved() {
            return removed;
        }
    }
}
