package org.bondtray.lab.guest;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one codec between a scenario's record of figures and the flat text the guest hands the
 * host. Guest and host compile the same record, so a figure is named and typed once: a renamed
 * or retyped component breaks the build of both sides, not a test case at run time.
 *
 * <p>A component becomes one line under its name; a nested record puts its own under
 * {@code name.}; a list writes {@code name.size} and {@code name.0}, {@code name.1}, ... Supported:
 * {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean}, records, and lists of
 * any of these.
 */
public final class Figures {
    private Figures() {
    }

    /** Thrown by {@link #read} for a figure the guest did not write. */
    public static final class Missing extends RuntimeException {
        private final String key;

        Missing(String key) {
            super("no figure " + key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** {@code figures} as lines of text, in the order of its components. */
    public static Map<String, String> write(Record figures) {
        Map<String, String> out = new LinkedHashMap<>();
        write("", figures, out);
        return out;
    }

    private static void write(String prefix, Record record, Map<String, String> out) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
            writeValue(prefix + c.getName(), value, out);
        }
    }

    private static void writeValue(String key, Object value, Map<String, String> out) {
        if (value instanceof Record r) {
            write(key + ".", r, out);
        } else if (value instanceof List<?> list) {
            out.put(key + ".size", Integer.toString(list.size()));
            for (int i = 0; i < list.size(); i++) {
                writeValue(key + "." + i, list.get(i), out);
            }
        } else if (value == null) {
            throw new IllegalArgumentException(key + " is null: a figure not measured is an error, not a value");
        } else {
            out.put(key, String.valueOf(value));
        }
    }

    /** The record of {@code type} that {@link #write} wrote; {@link Missing} names the first figure absent. */
    public static <R extends Record> R read(Class<R> type, Function<String, String> lines) {
        return type.cast(readRecord("", type, lines));
    }

    private static Record readRecord(String prefix, Class<?> type, Function<String, String> lines) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = readValue(prefix + components[i].getName(), components[i].getGenericType(), lines);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    private static Object readValue(String key, Type type, Function<String, String> lines) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            int size = Integer.parseInt(text(key + ".size", lines));
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(readValue(key + "." + i, p.getActualTypeArguments()[0], lines));
            }
            return List.copyOf(list);
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return readRecord(key + ".", c, lines);
        }
        String text = text(key, lines);
        if (c == String.class) {
            return text;
        } else if (c == long.class || c == Long.class) {
            return Long.parseLong(text);
        } else if (c == int.class || c == Integer.class) {
            return Integer.parseInt(text);
        } else if (c == double.class || c == Double.class) {
            return Double.parseDouble(text);
        } else if (c == boolean.class || c == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(key + " is not true or false: " + text);
            }
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(key + ": a figure cannot be a " + c.getSimpleName());
    }

    private static String text(String key, Function<String, String> lines) {
        String text = lines.apply(key);
        if (text == null) {
            throw new Missing(key);
        }
        return text;
    }
}
