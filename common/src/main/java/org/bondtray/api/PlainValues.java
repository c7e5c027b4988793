package org.bondtray.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.Container;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** Values off the bus as plain Java: strings, lists (arrays and structs too), maps and numbers, no D-Bus wrappers. */
public final class PlainValues {
    private PlainValues() {
    }

    public static Object of(Object v) {
        if (v instanceof Variant<?> variant) {
            return of(variant.getValue());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), of(x)));
            return out;
        }
        if (v instanceof Object[] a) {
            return Arrays.stream(a).map(PlainValues::of).toList();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(PlainValues::of).toList();
        }
        if (v instanceof Container c) {
            // A struct: its fields in order.
            return of(c.getParameters());
        }
        if (v instanceof UInt32 u) {
            return u.longValue();
        }
        return v;
    }
}
