package org.bondtray.api;

import java.util.Map;

import org.freedesktop.dbus.TypeRef;
import org.freedesktop.dbus.types.Variant;

/** The values the properties of {@code org.bondtray.Bond} take, spelled once. */
public final class BondProperties {
    public static final String STATE = "State";
    public static final String STATE_REASON = "StateReason";
    public static final String NAME = "Name";
    public static final String PREFERENCE = "Preference";
    public static final String ACTIVE_PORT = "ActivePort";
    public static final String ACTIVE_SINCE = "ActiveSince";
    public static final String ADDRESSES = "Addresses";
    public static final String GATEWAY = "Gateway";
    public static final String DNS = "DNS";
    public static final String PORTS = "Ports";
    public static final String DHCP = "DHCP";
    public static final String NETWORK = "Network";
    /** The values of {@link #NETWORK}: the ports reach one network, or different ones, or it is not known. */
    public static final String NETWORK_SAME = "same-network";
    public static final String NETWORK_DIFFERENT = "different-network";
    public static final String NETWORK_UNKNOWN = "unknown";
    public static final String CONFIRM_DEADLINE = "ConfirmDeadline";
    public static final String KEEPING_NETWORKS = "KeepingNetworks";
    /** Counts the PropertiesChanged the helper sent; see src/doc/bond-api.txt. */
    public static final String REVISION = "Revision";

    /** Keys of {@code DHCP}. */
    public static final String DHCP_STATE = "State";
    public static final String DHCP_ADDRESS = "Address";
    public static final String DHCP_SERVER = "Server";
    public static final String DHCP_LEASE_TIME = "LeaseTime";
    public static final String DHCP_OBTAINED = "Obtained";

    /** Keys of one entry of {@code Ports}. */
    public static final String PORT_KIND = "Kind";
    public static final String PORT_CARRIER = "Carrier";
    public static final String PORT_SPEED = "Speed";
    public static final String PORT_SSID = "SSID";
    public static final String PORT_SIGNAL = "Signal";
    public static final String PORT_ROLE = "Role";
    public static final String PORT_ROLE_REASON = "RoleReason";
    public static final String PORT_LINK_FAILURES = "LinkFailures";
    public static final String PORT_PERMANENT_ADDRESS = "PermanentAddress";

    /** Keys of {@code Setup}'s options. */
    public static final String OPT_PORTS = "Ports";
    public static final String OPT_PRIMARY = "Primary";
    public static final String OPT_PREFERENCE = "Preference";
    public static final String OPT_MIIMON = "MiiMon";
    public static final String OPT_UPDELAY = "UpDelay";
    public static final String OPT_DOWNDELAY = "DownDelay";
    public static final String OPT_ADDRESSING = "Addressing";
    public static final String OPT_ADDRESSES = "Addresses";
    public static final String OPT_GATEWAY = "Gateway";
    public static final String OPT_DNS = "DNS";
    public static final String OPT_ROUTES = "Routes";
    public static final String OPT_ROUTE_METRIC = "RouteMetric";
    public static final String OPT_FALLBACK_ADDRESS = "FallbackAddress";
    public static final String OPT_CONFIRM_TIMEOUT = "ConfirmTimeout";

    /** D-Bus type a{sa{sv}} of {@code Ports}. */
    public interface PortsType extends TypeRef<Map<String, Map<String, Variant<?>>>> {
    }

    /** D-Bus type a{sv} of {@code DHCP}. */
    public interface DhcpType extends TypeRef<Map<String, Variant<?>>> {
    }

    private BondProperties() {
    }
}
