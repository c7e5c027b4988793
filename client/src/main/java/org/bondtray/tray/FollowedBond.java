package org.bondtray.tray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;
import org.bondtray.api.BondtrayBus;
import org.bondtray.api.PlainValues;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * The helper's bond as the tray knows it: read whole (GetAll) as the tray starts and when the
 * helper comes back, then kept from the helper's PropertiesChanged, which carry every value that
 * changed. The tray used to read the whole bond again after each of them: a round trip through
 * the helper for every change.
 *
 * <p>A change the helper sent before it answered a read is in that answer already, but may be
 * handled after it: the signal and the answer reach the tray on different threads, and dbus-java
 * numbers a method's answer before the signals the method sends (their serials do not say which
 * went first). So the helper numbers its changes itself (Revision), and a change not above the
 * revision read is dropped rather than laid over newer values.
 */
final class FollowedBond {
    private final DBusConnection system;
    private final String path;
    /** What the tray says when the helper does not run. */
    private final String missing;
    private Map<String, Object> known = Map.of();
    private long revision = -1;

    FollowedBond(DBusConnection system, String path, String missing) {
        this.system = system;
        this.path = path;
        this.missing = missing;
    }

    /** Reads the whole bond from the helper; the bond as unreachable, and why, if it cannot. */
    synchronized BondSnapshot read() {
        try {
            Properties p = system.getRemoteObject(BondtrayBus.BUS_NAME, path, Properties.class);
            Map<String, Variant<?>> all = p.GetAll(BondtrayBus.BOND_INTERFACE);
            Map<String, Object> values = new LinkedHashMap<>();
            all.forEach((k, v) -> values.put(k, PlainValues.of(v)));
            known = values;
            revision = revision(all);
            return BondSnapshot.of(values);
        } catch (DBusException | RuntimeException e) {
            forget();
            return BondSnapshot.unreachable(why(e));
        }
    }

    /**
     * The bond after the helper's PropertiesChanged; empty if the last read holds it already. One
     * without a Revision (a helper older than the tray), or one that only names what changed, has
     * the bond read whole.
     */
    synchronized Optional<BondSnapshot> changed(Map<String, Variant<?>> values, List<String> invalidated) {
        long number = revision(values);
        if (known.isEmpty() || !invalidated.isEmpty() || number < 0) {
            return Optional.of(read());
        }
        if (number <= revision) {
            return Optional.empty();
        }
        Map<String, Object> now = new LinkedHashMap<>(known);
        values.forEach((k, v) -> now.put(k, PlainValues.of(v)));
        known = now;
        revision = number;
        return Optional.of(BondSnapshot.of(now));
    }

    /** The helper went: its next word is read whole. */
    synchronized void forget() {
        known = Map.of();
        revision = -1;
    }

    private static long revision(Map<String, Variant<?>> values) {
        Variant<?> v = values.get(BondProperties.REVISION);
        return v != null && v.getValue() instanceof Number n ? n.longValue() : -1;
    }

    /** Why the helper could not be read, in words: usually that it is not running. */
    private String why(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof DBusExecutionException x && x.getType() != null
                && (x.getType().endsWith("ServiceUnknown") || x.getType().endsWith("NameHasNoOwner"))
                || m.contains("was not provided by any .service files")) {
            return missing;
        }
        return m;
    }
}
