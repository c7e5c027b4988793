package org.bondtray.wpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.Variant;

/**
 * wpa_supplicant's values as dbus-java hands them over: arrays inside variants come as Java arrays
 * or as lists, by type, and object paths as {@link DBusPath}s or as text.
 */
public final class WpaValues {
    private WpaValues() {
    }

    /** The items of an array value; empty for anything else. */
    public static List<?> items(Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        if (value instanceof Object[] a) {
            return List.of(a);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                out.add(java.lang.reflect.Array.get(value, i));
            }
            return out;
        }
        return List.of();
    }

    public static String path(Object o) {
        return o instanceof DBusPath d ? d.getPath() : String.valueOf(o);
    }

    /** An array of object paths ("ao"). */
    public static List<String> paths(Object v) {
        return items(v).stream().map(WpaValues::path).toList();
    }

    /** An array of strings ("as"). */
    public static List<String> strings(Object v) {
        return items(v).stream().map(String::valueOf).toList();
    }

    /** A byte array ("ay"), such as an SSID (inside a variant, a list of numbers); empty for anything else. */
    public static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        List<?> l = items(v);
        byte[] b = new byte[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = ((Number) l.get(i)).byteValue();
        }
        return b;
    }

    /** The key management methods in a BSS's RSN or WPA dictionary. */
    public static List<String> keyMgmt(Object dict) {
        Object v = dict instanceof Map<?, ?> m ? m.get("KeyMgmt") : null;
        return strings(v instanceof Variant<?> x ? x.getValue() : v);
    }
}
