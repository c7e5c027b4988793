package org.bondtray.helper.bus;

import java.lang.reflect.Method;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import org.bondtray.Error.InvalidArgs;
import org.freedesktop.dbus.DBusCallInfo;
import org.freedesktop.dbus.MethodTuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.base.AbstractConnectionBase;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.ExportedObject;
import org.freedesktop.dbus.utils.IThrowingConsumer;

/**
 * Answers a call of a known method with arguments of the wrong D-Bus types with
 * {@code org.bondtray.Error.InvalidArgs} naming the signature the method takes, as GDBus and
 * sd-bus services do.
 *
 * <p>dbus-java finds the Java method for a call by name <em>and</em> signature, so such a call
 * never reaches the helper and the library answers {@code UnknownMethod} ("does not exist"),
 * which sends a script author looking for a typo in the method name. The library has no hook for
 * this; the guard replaces the connection's record of one exported object by an equal record
 * whose method table maps a known name with a foreign signature to one of the {@link Rejecting}
 * methods, picked by the number of arguments so that the library can invoke it. If a later
 * dbus-java changes these internals, {@link #install} says so in the log and the library's own
 * answer stays: a typed error either way, never a call carried out.
 */
public final class SignatureGuard {
    private static final Logger LOG = Logger.getLogger(SignatureGuard.class.getName());
    /** "interface.Method" to the signature it takes, for the rejection's message. */
    private static final Map<String, String> EXPECTED = new ConcurrentHashMap<>();
    private static final int MAX_ARGUMENTS = 8;

    private SignatureGuard() {
    }

    /**
     * What a guarded object answers a call with wrong argument types: these methods throw
     * {@link InvalidArgs}. Only their arity matters; the library passes the call's arguments. A
     * class, not an interface: dbus-java refuses to invoke default methods.
     */
    public abstract static class Rejecting {
        public final void wrongArguments() {
            throw rejection();
        }

        public final void wrongArguments(Object a) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b, Object c) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b, Object c, Object d) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b, Object c, Object d, Object e) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b, Object c, Object d, Object e, Object f) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b, Object c, Object d, Object e, Object f, Object g) {
            throw rejection();
        }

        public final void wrongArguments(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h) {
            throw rejection();
        }
    }

    /**
     * Guards the object exported at {@code path} on {@code bus}; call right after
     * {@code exportObject}. Returns whether the guard is in place.
     */
    public static <T extends Rejecting & DBusInterface> boolean install(DBusConnection bus, String path, T object) {
        try {
            Method with = AbstractConnectionBase.class.getDeclaredMethod("doWithExportedObjects", Class.class,
                    IThrowingConsumer.class);
            with.setAccessible(true);
            IThrowingConsumer<Map<String, ExportedObject>, DBusException> replace = objects -> {
                if (objects.get(path) == null) {
                    throw new DBusException("nothing is exported at " + path);
                }
                objects.put(path, new Guarded(object));
            };
            with.invoke(bus, DBusException.class, replace);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("calls to " + path + " with wrong argument types get the bus library's UnknownMethod: " + e);
            return false;
        }
    }

    /** The number of complete types in a D-Bus signature, or -1 if it is malformed. */
    static int arity(String signature) {
        int count = 0;
        int i = 0;
        String s = signature == null ? "" : signature;
        while (i < s.length()) {
            i = skipType(s, i);
            if (i < 0) {
                return -1;
            }
            count++;
        }
        return count;
    }

    /** Index just past the complete type starting at {@code i}, or -1. */
    private static int skipType(String s, int i) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        return switch (c) {
            case 'a' -> skipType(s, i + 1);
            case '(' -> skipUntil(s, i + 1, ')');
            case '{' -> skipUntil(s, i + 1, '}');
            case 'y', 'b', 'n', 'q', 'i', 'u', 'x', 't', 'd', 's', 'o', 'g', 'v', 'h' -> i + 1;
            default -> -1;
        };
    }

    private static int skipUntil(String s, int i, char close) {
        int j = i;
        while (j < s.length() && s.charAt(j) != close) {
            j = skipType(s, j);
            if (j < 0) {
                return -1;
            }
        }
        return j < s.length() ? j + 1 : -1;
    }

    private static InvalidArgs rejection() {
        DBusCallInfo call = AbstractConnectionBase.getCallInfo();
        String member = call == null ? "this method" : call.getMethod();
        String expected = call == null ? null : EXPECTED.get(call.getInterface() + "." + call.getMethod());
        return new InvalidArgs(expected == null
                ? member + " was called with arguments of the wrong D-Bus types"
                : member + " takes arguments of D-Bus type (" + expected + "); the call carried other types");
    }

    /** The exported object as dbus-java records it, with the method table that rejects. */
    private static final class Guarded extends ExportedObject {
        private final Map<MethodTuple, Method> methods;

        Guarded(DBusInterface object) throws DBusException {
            super(object, false);
            Map<MethodTuple, Method> own = super.getMethods();
            Set<String> names = new HashSet<>();
            for (Map.Entry<MethodTuple, Method> e : own.entrySet()) {
                DBusInterfaceName iface = e.getValue().getDeclaringClass().getAnnotation(DBusInterfaceName.class);
                String prefix = iface != null ? iface.value() : e.getValue().getDeclaringClass().getName();
                String sig = e.getKey().getSig();
                EXPECTED.put(prefix + "." + e.getKey().getName(), sig == null ? "" : sig);
                names.add(e.getKey().getName());
            }
            this.methods = new Rejected(own, names);
        }

        @Override
        public Map<MethodTuple, Method> getMethods() {
            return methods;
        }
    }

    /** The real method table; a known name with a foreign signature finds a rejector. */
    private static final class Rejected extends AbstractMap<MethodTuple, Method> {
        private final Map<MethodTuple, Method> real;
        private final Set<String> names;

        Rejected(Map<MethodTuple, Method> real, Set<String> names) {
            this.real = real;
            this.names = Set.copyOf(names);
        }

        @Override
        public Method get(Object key) {
            Method m = real.get(key);
            if (m != null || !(key instanceof MethodTuple t) || !names.contains(t.getName())) {
                return m;
            }
            int n = arity(t.getSig());
            return n >= 0 && n <= MAX_ARGUMENTS ? REJECTORS[n] : null;
        }

        @Override
        public Set<Entry<MethodTuple, Method>> entrySet() {
            return real.entrySet();
        }
    }

    private static final Method[] REJECTORS = rejectors();

    private static Method[] rejectors() {
        Method[] r = new Method[MAX_ARGUMENTS + 1];
        for (Method m : Rejecting.class.getDeclaredMethods()) {
            if (m.getName().equals("wrongArguments")) {
                r[m.getParameterCount()] = m;
            }
        }
        return r;
    }
}
