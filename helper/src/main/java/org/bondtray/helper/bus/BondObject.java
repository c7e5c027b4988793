package org.bondtray.helper.bus;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.api.Bond;
import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.bondtray.Error.InvalidArgs;
import org.bondtray.helper.BondView;
import org.bondtray.helper.Helper;
import org.bondtray.helper.PortView;
import org.bondtray.helper.Publisher;
import org.bondtray.helper.SwitchoverTracker;
import org.bondtray.helper.config.BondConfig;
import org.freedesktop.dbus.connections.base.AbstractConnectionBase;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code org.bondtray.Bond} on the bus: who may ask (polkit) and whether the question is well
 * formed (inputs), before the {@link Helper} decides and acts. Properties are computed from the
 * helper's view; every change of the view goes out as one PropertiesChanged, and changes that
 * follow each other closely (a flapping cable) are coalesced into one per quarter second.
 */
public final class BondObject extends SignatureGuard.Rejecting implements Bond, Properties, Publisher {
    private static final Logger LOG = Logger.getLogger(BondObject.class.getName());

    private final DBusConnection bus;
    private final Helper helper;
    private final Polkit polkit;
    private final String path;
    /** After a PropertiesChanged, the next waits this long and carries everything that changed meanwhile. */
    private static final long COALESCE_NANOS = java.time.Duration.ofMillis(250).toNanos();

    // Guarded by this object: the worker publishes, the bus's threads read.
    private Map<String, Variant<?>> published = Map.of();
    private BondView latest;
    private long lastSentNanos = System.nanoTime() - COALESCE_NANOS;
    private boolean flushPending;
    /** How many PropertiesChanged were sent: see Revision in src/doc/bond-api.txt. */
    private long revision;

    public BondObject(DBusConnection bus, Helper helper, Polkit polkit, String bondName) {
        this.bus = bus;
        this.helper = helper;
        this.polkit = polkit;
        this.path = BondtrayBus.bondPath(bondName);
    }

    @Override
    public String getObjectPath() {
        return path;
    }

    /** The caller's unique bus name; only the thread that dispatches the call knows it. */
    private static String caller() {
        var info = AbstractConnectionBase.getCallInfo();
        return info == null ? null : info.getSource();
    }

    @Override
    public void Setup(Map<String, Variant<?>> options) {
        BondConfig wanted = Inputs.setup(options, BondConfig.defaults(helper.bondName()));
        int confirmWithin = Inputs.confirmTimeout(options);
        authorized(BondtrayBus.ACTION_CONFIGURE, () -> helper.setup(wanted, confirmWithin));
    }

    @Override
    public void Confirm() {
        authorized(BondtrayBus.ACTION_CONFIGURE, helper::confirm);
    }

    @Override
    public void Disable() {
        authorized(BondtrayBus.ACTION_CONFIGURE, helper::disable);
    }

    @Override
    public void SetPreference(String preference) {
        var p = Inputs.preference(preference);
        authorized(BondtrayBus.ACTION_SWITCH, () -> helper.setPreference(p));
    }

    @Override
    public void SwitchTo(String port) {
        String name = Inputs.ifname("port", port);
        authorized(BondtrayBus.ACTION_SWITCH, () -> helper.switchTo(name));
    }

    /** A change of the helper's. */
    private interface Change {
        void apply() throws IOException;
    }

    /**
     * Applies {@code change} on the helper's worker once polkit says the caller may do
     * {@code action}. Inputs are checked before this: a bad call is refused without asking polkit.
     */
    private void authorized(String action, Change change) {
        polkit.authorize(caller(), action);
        try {
            helper.change(() -> {
                change.apply();
                return null;
            });
        } catch (org.bondtray.helper.Refusal r) {
            throw BusErrors.of(r);
        }
    }

    // ---- properties ------------------------------------------------------------------------------

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String iface, String name) {
        Variant<?> v = properties(iface).get(name);
        if (v == null) {
            throw new InvalidArgs("no property " + BondtrayBus.BOND_INTERFACE + "." + Inputs.ifnameSafe(name));
        }
        return (A) v;
    }

    @Override
    public Map<String, Variant<?>> GetAll(String iface) {
        return properties(iface);
    }

    @Override
    public <A> void Set(String iface, String name, A value) {
        throw new org.freedesktop.dbus.errors.PropertyReadOnly("the properties of " + BondtrayBus.BOND_INTERFACE
                + " are read-only; use its methods");
    }

    /**
     * What watchers heard last, with its Revision; what is still held back to be coalesced is
     * sent first, so a reader and a watcher never see two versions of one revision.
     */
    private synchronized Map<String, Variant<?>> properties(String iface) {
        if (!BondtrayBus.BOND_INTERFACE.equals(iface) && !iface.isEmpty()) {
            throw new InvalidArgs("this object has no properties on that interface");
        }
        if (flushPending) {
            flushPending = false;
            send();
        }
        Map<String, Variant<?>> p = new LinkedHashMap<>(published.isEmpty() ? encode(helper.view()) : published);
        p.put(BondProperties.REVISION, new Variant<>(new UInt64(revision)));
        return p;
    }

    static Map<String, Variant<?>> encode(BondView v) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put(BondProperties.STATE, new Variant<>(v.state().wire()));
        p.put(BondProperties.STATE_REASON, new Variant<>(v.reason()));
        p.put(BondProperties.NAME, new Variant<>(v.name()));
        p.put(BondProperties.PREFERENCE, new Variant<>(v.preference().wire()));
        p.put(BondProperties.ACTIVE_PORT, new Variant<>(v.activePort()));
        p.put(BondProperties.ACTIVE_SINCE, new Variant<>(new UInt64(v.activeSinceMicros())));
        p.put(BondProperties.ADDRESSES, strings(v.addresses()));
        p.put(BondProperties.GATEWAY, strings(v.gateways()));
        p.put(BondProperties.DNS, strings(v.dns()));
        Map<String, Map<String, Variant<?>>> ports = new LinkedHashMap<>();
        for (PortView port : v.ports()) {
            Map<String, Variant<?>> e = new LinkedHashMap<>();
            e.put(BondProperties.PORT_KIND, new Variant<>(port.kind().wire()));
            e.put(BondProperties.PORT_CARRIER, new Variant<>(port.carrier()));
            e.put(BondProperties.PORT_SPEED, new Variant<>(new UInt32(port.speedMbps())));
            e.put(BondProperties.PORT_SSID, new Variant<>(port.ssid()));
            e.put(BondProperties.PORT_SIGNAL, new Variant<>((short) port.signalDbm()));
            e.put(BondProperties.PORT_ROLE, new Variant<>(port.role()));
            e.put(BondProperties.PORT_ROLE_REASON, new Variant<>(port.roleReason()));
            e.put(BondProperties.PORT_LINK_FAILURES, new Variant<>(new UInt32(port.linkFailures())));
            e.put(BondProperties.PORT_PERMANENT_ADDRESS, new Variant<>(port.permanentMac()));
            ports.put(port.name(), e);
        }
        p.put(BondProperties.PORTS, new Variant<>(ports, "a{sa{sv}}"));
        Map<String, Variant<?>> dhcp = new LinkedHashMap<>();
        dhcp.put(BondProperties.DHCP_STATE, new Variant<>(v.dhcp().state()));
        dhcp.put(BondProperties.DHCP_ADDRESS, new Variant<>(v.dhcp().address()));
        dhcp.put(BondProperties.DHCP_SERVER, new Variant<>(v.dhcp().server()));
        dhcp.put(BondProperties.DHCP_LEASE_TIME, new Variant<>(new UInt32(v.dhcp().leaseSeconds())));
        dhcp.put(BondProperties.DHCP_OBTAINED, new Variant<>(new UInt64(v.dhcp().obtainedMicros())));
        p.put(BondProperties.DHCP, new Variant<>(dhcp, "a{sv}"));
        p.put(BondProperties.NETWORK, new Variant<>(v.network().wire()));
        p.put(BondProperties.CONFIRM_DEADLINE, new Variant<>(new UInt64(v.confirmDeadlineMicros())));
        p.put(BondProperties.KEEPING_NETWORKS, strings(v.keepingNetworks()));
        return p;
    }

    private static Variant<?> strings(List<String> values) {
        return new Variant<>(values.toArray(String[]::new), "as");
    }

    // ---- publishing ------------------------------------------------------------------------------
    // The view comes on the helper's worker alone; a Switchover, which touches no state here, comes
    // from the kernel-events thread.

    @Override
    public synchronized void publish(BondView view) {
        latest = view;
        if (flushPending) {
            return;
        }
        long since = System.nanoTime() - lastSentNanos;
        if (since >= COALESCE_NANOS) {
            send();
        } else {
            flushPending = true;
            helper.later("sending PropertiesChanged", COALESCE_NANOS - since, this::flush);
        }
    }

    private synchronized void flush() {
        flushPending = false;
        send();
    }

    /** One PropertiesChanged with what differs between the latest view and what watchers last heard. */
    private void send() {
        Map<String, Variant<?>> now = encode(latest);
        Map<String, Variant<?>> changed = new HashMap<>();
        now.forEach((k, v) -> {
            if (!same(published.get(k), v)) {
                changed.put(k, v);
            }
        });
        published = now;
        if (changed.isEmpty()) {
            return;
        }
        lastSentNanos = System.nanoTime();
        revision++;
        changed.put(BondProperties.REVISION, new Variant<>(new UInt64(revision)));
        try {
            bus.sendMessage(new Properties.PropertiesChanged(path, BondtrayBus.BOND_INTERFACE, changed, List.of()));
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "could not send PropertiesChanged", e);
        }
    }

    private static boolean same(Variant<?> a, Variant<?> b) {
        if (a == null || b == null) {
            return a == b;
        }
        Object x = a.getValue();
        Object y = b.getValue();
        if (x instanceof UInt64 ux && y instanceof UInt64 uy) {
            // ActiveSince is recomputed from two clocks on every look; a few ms of jitter is no news.
            return Math.abs(ux.longValue() - uy.longValue()) < 1_000_000;
        }
        if (x instanceof Object[] xa && y instanceof Object[] ya) {
            return java.util.Arrays.deepEquals(xa, ya);
        }
        return Objects.equals(x, y);
    }

    @Override
    public void rolledBack(String reason) {
        try {
            bus.sendMessage(new RolledBack(path, reason));
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "could not send RolledBack", e);
        }
    }

    @Override
    public void switchover(SwitchoverTracker.Switch s) {
        try {
            bus.sendMessage(new Switchover(path, s.from(), s.to(), s.reason(), new UInt64(s.monotonicMicros()),
                    new UInt32(Math.min(s.outageMillis(), 0xffffffffL))));
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "could not send Switchover", e);
        }
    }
}
