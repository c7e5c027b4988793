package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * What the helper's API, the kernel and the logs say about the bond, read the same way by every
 * step of the helper scenario.
 */
final class BondReadings {
    private BondReadings() {
    }

    /** Cuts the cable and plugs it back {@code times} times, each time waiting for the bond to follow. */
    static void cycleCable(Lab lab, Properties bond, String wlan, int times) {
        for (int i = 0; i < times; i++) {
            lab.net().cutCable();
            try {
                Wait.until("the bond on Wi-Fi after cut " + (i + 1), Duration.ofSeconds(30), Duration.ofMillis(50),
                        () -> wlan.equals(active(bond)));
            } finally {
                // A failed cut must not leave the cable out for every later step.
                lab.net().restoreCable();
            }
            Wait.until("the bond on the cable after restore " + (i + 1), Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> Topology.WIRED.equals(active(bond)));
        }
    }

    /**
     * What a caller decides about the bond, as its properties say: what a refused or malformed
     * call must leave as it was. Not what the network decides while the calls go on: addresses,
     * gateway and name servers (DHCPv6 and router advertisements still arrive after the IPv4
     * lease), the same-network verdict, the ports' live counters, DHCP's lease; nor a change on
     * probation (the configuration file shows whether a call was taken).
     */
    static Map<String, String> snapshot(Properties bond) {
        Map<String, String> s = new LinkedHashMap<>();
        bond.GetAll(BondtrayBus.BOND_INTERFACE).forEach((k, v) -> {
            if (CALLER_DECIDES.contains(k)) {
                Object value = v.getValue();
                s.put(k, value instanceof Object[] a ? Arrays.toString(a) : String.valueOf(value));
            }
        });
        return s;
    }

    private static final List<String> CALLER_DECIDES = List.of(BondProperties.NAME, BondProperties.STATE,
            BondProperties.STATE_REASON, BondProperties.PREFERENCE, BondProperties.ACTIVE_PORT);

    /** "Key: before -> after" for each property that differs; "" if none. */
    static String changes(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                out.add(k + ": " + v + " -> " + after.get(k));
            }
        });
        return String.join("; ", out);
    }

    /** Whether the helper on the bus says the bond is up; false while it cannot say. */
    static boolean up(Lab lab) {
        try {
            return "up".equals(state(props(lab)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String state(Properties bond) {
        return bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.STATE);
    }

    static String active(Properties bond) {
        return bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.ACTIVE_PORT);
    }

    static String network(Properties bond) {
        return bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.NETWORK);
    }

    /** The helper's KeepingNetworks, joined by spaces. */
    static String keeping(Properties bond) {
        Object v = bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.KEEPING_NETWORKS);
        if (v instanceof Object[] a) {
            return String.join(" ", java.util.Arrays.stream(a).map(String::valueOf).toList());
        }
        return v instanceof java.util.List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : "";
    }

    static String ssid(Properties bond, String port) {
        return portField(bond, port, BondProperties.PORT_SSID);
    }

    static Object unwrap(Object o) {
        return o instanceof org.freedesktop.dbus.types.Variant<?> v ? v.getValue() : o;
    }

    static List<String> ports(Lab lab) {
        List<String> names = new ArrayList<>();
        for (String line : lab.cmd().run("ip", "-o", "link", "show", "master", PlainBond.NAME).split("\n")) {
            String[] f = line.split(":\\s+");
            if (f.length > 1) {
                names.add(f[1].replaceAll("@.*", ""));
            }
        }
        return names;
    }

    static String log(Lab lab, String name) {
        return readFile(lab.cmd().logDir().resolve(name + ".log").toString());
    }

    static String portField(Properties bond, String port, String key) {
        Object ports = unwrap(bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.PORTS));
        Object entry = ports instanceof Map<?, ?> m ? unwrap(m.get(port)) : null;
        Object value = entry instanceof Map<?, ?> e ? unwrap(e.get(key)) : null;
        return value == null ? "" : String.valueOf(value);
    }

    static Properties props(Lab lab) {
        try {
            return lab.systemBus().getRemoteObject(BondtrayBus.BUS_NAME, BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND),
                    Properties.class);
        } catch (org.freedesktop.dbus.exceptions.DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An array property as words; dbus-java hands arrays back as arrays or as lists. */
    static String words(Object value) {
        List<?> items = value instanceof Object[] a ? Arrays.asList(a) : value instanceof List<?> l ? l : List.of(value);
        return String.join(" ", items.stream().map(String::valueOf).toList());
    }

    static String dhcpField(Properties bond, String key) {
        Map<String, Object> dhcp = bond.Get(BondtrayBus.BOND_INTERFACE, BondProperties.DHCP);
        return String.valueOf(unwrap(dhcp.get(key)));
    }

    static int count(String text, String word) {
        return (int) text.lines().filter(l -> l.contains(word)).count();
    }

    static String readFile(String path) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
