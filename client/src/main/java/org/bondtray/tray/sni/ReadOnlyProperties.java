package org.bondtray.tray.sni;

import java.util.Map;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code org.freedesktop.DBus.Properties} for an object whose properties the panel only reads:
 * Get answers from GetAll, Set is refused. The panel calls GetAll far more often than Get.
 */
abstract class ReadOnlyProperties implements Properties {
    private final String what;

    ReadOnlyProperties(String what) {
        this.what = what;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String iface, String name) {
        Variant<?> v = GetAll(iface).get(name);
        if (v == null) {
            throw new DBusExecutionException("no property " + name + " on " + iface);
        }
        return (A) v;
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        throw new DBusExecutionException("the " + what + "'s properties are read-only");
    }

    @Override
    public abstract Map<String, Variant<?>> GetAll(String iface);
}
