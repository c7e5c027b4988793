package org.bondtray.api;

import java.util.Map;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusProperty;
import org.freedesktop.dbus.annotations.DBusProperty.Access;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * {@code org.bondtray.Bond}: one bond managed by the helper. Documented in
 * {@code src/doc/bond-api.txt}; property names and values are in {@link BondProperties}.
 */
@DBusInterfaceName(BondtrayBus.BOND_INTERFACE)
@DBusProperty(name = "State", type = String.class, access = Access.READ)
@DBusProperty(name = "StateReason", type = String.class, access = Access.READ)
@DBusProperty(name = "Name", type = String.class, access = Access.READ)
@DBusProperty(name = "Preference", type = String.class, access = Access.READ)
@DBusProperty(name = "ActivePort", type = String.class, access = Access.READ)
@DBusProperty(name = "ActiveSince", type = UInt64.class, access = Access.READ)
@DBusProperty(name = "Addresses", type = String[].class, access = Access.READ)
@DBusProperty(name = "Gateway", type = String[].class, access = Access.READ)
@DBusProperty(name = "DNS", type = String[].class, access = Access.READ)
@DBusProperty(name = "Ports", type = BondProperties.PortsType.class, access = Access.READ)
@DBusProperty(name = "DHCP", type = BondProperties.DhcpType.class, access = Access.READ)
@DBusProperty(name = "Network", type = String.class, access = Access.READ)
@DBusProperty(name = "ConfirmDeadline", type = UInt64.class, access = Access.READ)
@DBusProperty(name = "KeepingNetworks", type = String[].class, access = Access.READ)
public interface Bond extends DBusInterface {

    /** Creates (or re-creates) the bond from {@code options}; empty options bond the first wired and wireless port. */
    void Setup(Map<String, Variant<?>> options);

    /** Removes the bond and gives the ports back as plain interfaces. */
    void Disable();

    /** {@code wired}, {@code wireless} or {@code automatic} (the faster link). */
    void SetPreference(String preference);

    /** Makes {@code port} the active port now. */
    void SwitchTo(String port);

    /** Keeps the change the last Setup made, which would otherwise be rolled back at ConfirmDeadline. */
    void Confirm();

    /** Emitted when the helper rolled a change back by itself; {@code reason} says why, in words. */
    class RolledBack extends DBusSignal {
        private final String reason;

        public RolledBack(String path, String reason) throws DBusException {
            super(path, reason);
            this.reason = reason;
        }

        public String getReason() {
            return reason;
        }
    }

    /**
     * Emitted on every change of the active port. {@code timestamp} is CLOCK_MONOTONIC in
     * microseconds at the kernel event; {@code outage} the milliseconds without a usable port.
     */
    class Switchover extends DBusSignal {
        private final String from;
        private final String to;
        private final String reason;
        private final UInt64 timestamp;
        private final UInt32 outage;

        public Switchover(String path, String from, String to, String reason, UInt64 timestamp, UInt32 outage)
                throws DBusException {
            super(path, from, to, reason, timestamp, outage);
            this.from = from;
            this.to = to;
            this.reason = reason;
            this.timestamp = timestamp;
            this.outage = outage;
        }

        public String getFrom() {
            return from;
        }

        public String getTo() {
            return to;
        }

        public String getReason() {
            return reason;
        }

        public long getTimestampMicros() {
            return timestamp.longValue();
        }

        public long getOutageMillis() {
            return outage.longValue();
        }
    }
}
