package org.bondtray.helper.bus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bondtray.api.BondProperties;
import org.bondtray.Error.InvalidArgs;
import org.bondtray.helper.Addressing;
import org.bondtray.helper.IpText;
import org.bondtray.helper.Preference;
import org.bondtray.helper.PortMatcher;
import org.bondtray.helper.config.BondConfig;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Checks everything that arrives from the bus before anything is touched. Every refusal is an
 * {@link InvalidArgs} that says what was wrong and what would be right; values are quoted only
 * after they passed a character check, so a message never carries what a caller smuggled in.
 */
public final class Inputs {
    /** Linux interface names: 1..15 characters, no '/', ':' or white space (dev_valid_name). */
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,15}");
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9_.@+*?-]{1,15}");
    static final int MAX_PORTS = 8;
    static final int MIN_MIIMON = 10;
    static final int MAX_ADDRESSES = 8;
    static final int MAX_DNS = 3;
    static final int MAX_ROUTES = 16;
    private static final Set<String> SETUP_KEYS = Set.of(BondProperties.OPT_PORTS, BondProperties.OPT_PRIMARY,
            BondProperties.OPT_PREFERENCE, BondProperties.OPT_MIIMON, BondProperties.OPT_UPDELAY,
            BondProperties.OPT_DOWNDELAY, BondProperties.OPT_ADDRESSING, BondProperties.OPT_ADDRESSES,
            BondProperties.OPT_GATEWAY, BondProperties.OPT_DNS, BondProperties.OPT_ROUTES,
            BondProperties.OPT_ROUTE_METRIC, BondProperties.OPT_FALLBACK_ADDRESS, BondProperties.OPT_CONFIRM_TIMEOUT);
    /** Seconds a change waits for connectivity or a Confirm before it is rolled back. */
    public static final int DEFAULT_CONFIRM_TIMEOUT = 20;
    static final int MIN_CONFIRM_TIMEOUT = 5;
    static final int MAX_CONFIRM_TIMEOUT = 600;

    private Inputs() {
    }

    public static String ifname(String what, String name) {
        if (name == null || !IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new InvalidArgs(what + " must be an interface name of 1 to 15 letters, digits or _.@+- ("
                    + length(name) + ")");
        }
        return name;
    }

    /** A port spec: a MAC address, an interface name or a name pattern with * and ?. */
    static String portSpec(String what, Object value) {
        if (!(value instanceof String s)) {
            throw new InvalidArgs(what + " must be a string");
        }
        if (PortMatcher.isMac(s)) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        if (!GLOB.matcher(s).matches() || s.equals(".") || s.equals("..")) {
            throw new InvalidArgs(what + " must be a MAC address (aa:bb:cc:dd:ee:ff), an interface name or a "
                    + "pattern such as en* (1 to 15 of letters, digits, _.@+-*?; " + length(s) + ")");
        }
        return s;
    }

    /** A name fit to quote in a message: itself if it is a plain identifier, otherwise its length. */
    static String ifnameSafe(String s) {
        return s != null && s.matches("[A-Za-z0-9_]{1,64}") ? s : "(" + length(s) + ")";
    }

    private static String length(String s) {
        return s == null ? "got nothing" : "got " + s.length() + " characters";
    }

    public static Preference preference(String s) {
        return Preference.parse(s).orElseThrow(() -> new InvalidArgs(
                "preference must be one of wired, wireless, automatic"));
    }

    /** Setup's options on top of {@code base}; unknown keys and wrong types are refused. */
    public static BondConfig setup(Map<String, Variant<?>> options, BondConfig base) {
        if (options == null) {
            throw new InvalidArgs("options are missing");
        }
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(SETUP_KEYS);
        if (!unknown.isEmpty()) {
            throw new InvalidArgs(unknown.size() + " unknown option(s); known options are "
                    + String.join(", ", new TreeSet<>(SETUP_KEYS)));
        }
        List<String> ports = base.ports();
        if (options.containsKey(BondProperties.OPT_PORTS)) {
            ports = ports(options.get(BondProperties.OPT_PORTS).getValue(), base.bond());
        }
        String primary = options.containsKey(BondProperties.OPT_PRIMARY)
                ? enslavable("Primary", portSpec("Primary", options.get(BondProperties.OPT_PRIMARY).getValue()),
                        base.bond()) : base.primary();
        Preference preference = base.preference();
        if (options.containsKey(BondProperties.OPT_PREFERENCE)) {
            Object v = options.get(BondProperties.OPT_PREFERENCE).getValue();
            if (!(v instanceof String s)) {
                throw new InvalidArgs("Preference must be a string");
            }
            preference = preference(s);
        }
        int miimon = timer(options, BondProperties.OPT_MIIMON, base.miimon(), MIN_MIIMON);
        int updelay = timer(options, BondProperties.OPT_UPDELAY, base.updelay(), 0);
        int downdelay = timer(options, BondProperties.OPT_DOWNDELAY, base.downdelay(), 0);
        Addressing addressing = base.addressing();
        if (options.containsKey(BondProperties.OPT_ADDRESSING)) {
            Object v = options.get(BondProperties.OPT_ADDRESSING).getValue();
            addressing = Addressing.parse(v instanceof String s ? s : "").orElseThrow(() -> new InvalidArgs(
                    "Addressing must be one of dhcp, static, both"));
        }
        List<String> addresses = list(options, BondProperties.OPT_ADDRESSES, MAX_ADDRESSES, base.addresses(),
                a -> IpText.prefixed(a).toString());
        List<String> gateways = list(options, BondProperties.OPT_GATEWAY, 2, base.gateways(), IpText::canonical);
        if (gateways.stream().map(g -> IpText.address(g).getAddress().length).distinct().count() < gateways.size()) {
            throw new InvalidArgs("Gateway may hold one IPv4 and one IPv6 address");
        }
        List<String> dns = list(options, BondProperties.OPT_DNS, MAX_DNS, base.dns(), IpText::canonical);
        if (addressing.hasStatic() && addresses.isEmpty()) {
            throw new InvalidArgs("static addressing needs at least one address in Addresses");
        }
        List<String> routes = list(options, BondProperties.OPT_ROUTES, MAX_ROUTES, base.routes(),
                r -> IpText.route(r).toString());
        int metric = base.routeMetric();
        if (options.containsKey(BondProperties.OPT_ROUTE_METRIC)) {
            metric = (int) unsigned(options.get(BondProperties.OPT_ROUTE_METRIC), BondProperties.OPT_ROUTE_METRIC,
                    "a route metric", 0, BondConfig.MAX_METRIC);
        }
        String fallback = base.fallback();
        if (options.containsKey(BondProperties.OPT_FALLBACK_ADDRESS)) {
            fallback = fallback(options.get(BondProperties.OPT_FALLBACK_ADDRESS).getValue());
        }
        if (!fallback.isEmpty() && addressing == Addressing.STATIC) {
            throw new InvalidArgs("FallbackAddress is for when no DHCP server answers; Addressing is static");
        }
        return new BondConfig(base.bond(), ports, preference, primary, miimon, updelay, downdelay, addressing,
                addresses, gateways, dns, routes, metric, fallback);
    }

    /**
     * Setup's ConfirmTimeout: seconds until an unconfirmed change that cost the machine its
     * connectivity is rolled back; 0 applies it without that safety net.
     */
    public static int confirmTimeout(Map<String, Variant<?>> options) {
        Variant<?> v = options == null ? null : options.get(BondProperties.OPT_CONFIRM_TIMEOUT);
        if (v == null) {
            return DEFAULT_CONFIRM_TIMEOUT;
        }
        long n = unsigned(v, BondProperties.OPT_CONFIRM_TIMEOUT, "seconds", 0, MAX_CONFIRM_TIMEOUT);
        if (n != 0 && n < MIN_CONFIRM_TIMEOUT) {
            throw new InvalidArgs(BondProperties.OPT_CONFIRM_TIMEOUT + " must be 0 (no rollback) or "
                    + MIN_CONFIRM_TIMEOUT + ".." + MAX_CONFIRM_TIMEOUT + " seconds, got " + n);
        }
        return (int) n;
    }

    /** An IPv4 address with prefix, or empty for none. */
    private static String fallback(Object value) {
        if (!(value instanceof String s)) {
            throw new InvalidArgs("FallbackAddress must be a string");
        }
        if (s.isEmpty()) {
            return s;
        }
        try {
            return IpText.ipv4Prefixed(s).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidArgs("FallbackAddress: " + e.getMessage());
        }
    }

    /**
     * An array of strings (as) of at most {@code max} entries, each as {@code normal} writes it
     * (it refuses what it cannot take): saved the one way, so equal addresses compare equal.
     */
    private static List<String> list(Map<String, Variant<?>> options, String key, int max, List<String> fallback,
                                     Function<String, String> normal) {
        Variant<?> v = options.get(key);
        if (v == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Object item : strings(key, v.getValue(), max)) {
            try {
                out.add(normal.apply((String) item));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgs(key + "[" + i + "]: " + e.getMessage());
            }
            i++;
        }
        return out;
    }

    private static Collection<?> strings(String key, Object value, int max) {
        Collection<?> items;
        if (value instanceof Object[] array) {
            items = List.of(array);
        } else if (value instanceof Collection<?> c) {
            items = c;
        } else {
            throw new InvalidArgs(key + " must be an array of strings (as)");
        }
        if (items.size() > max) {
            throw new InvalidArgs(key + " may hold at most " + max + " entries, got " + items.size());
        }
        for (Object item : items) {
            if (!(item instanceof String)) {
                throw new InvalidArgs(key + " must be an array of strings (as)");
            }
        }
        return items;
    }

    private static List<String> ports(Object value, String bond) {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Object item : strings("Ports", value, MAX_PORTS)) {
            String spec = enslavable("Ports[" + i + "]", portSpec("Ports[" + i + "]", item), bond);
            // One interface twice is a caller's mistake (or a probe): said, not silently merged.
            if (out.stream().anyMatch(spec::equalsIgnoreCase)) {
                throw new InvalidArgs("Ports[" + i + "] names " + spec + " a second time");
            }
            out.add(spec);
            i++;
        }
        return out;
    }

    /**
     * Refuses the two names that can never be a port, the loopback and the bond itself, here
     * rather than after polkit: a caller learns it without an administrator being asked.
     */
    private static String enslavable(String what, String spec, String bond) {
        if (spec.equals("lo") || spec.equals(bond)) {
            throw new InvalidArgs(what + " names " + spec + ", which cannot be a port of " + bond);
        }
        return spec;
    }

    private static int timer(Map<String, Variant<?>> options, String key, int fallback, int min) {
        Variant<?> v = options.get(key);
        return v == null ? fallback : (int) unsigned(v, key, "milliseconds", min, BondConfig.MAX_TIMER_MS);
    }

    /** An unsigned integer (u) between {@code min} and {@code max}. */
    private static long unsigned(Variant<?> v, String key, String unit, long min, long max) {
        long n;
        if (v.getValue() instanceof UInt32 u) {
            n = u.longValue();
        } else if (v.getValue() instanceof Integer i) {
            n = i;
        } else {
            throw new InvalidArgs(key + " must be an unsigned integer (u) of " + unit);
        }
        if (n < min || n > max) {
            throw new InvalidArgs(key + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }
}
