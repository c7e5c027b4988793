package org.bondtray.tray.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bondtray.api.BondProperties;

/**
 * What the settings window holds, as typed, and the Setup options it makes. It checks only what
 * the form itself can get wrong (a number that is not one, static addressing without an
 * address); the helper checks everything else and says what is wrong in its error.
 */
public record SettingsForm(List<String> ports, String preference, String addressing, String addresses,
                           String gateway, String dns, String fallback, String miimon, String updelay,
                           String downdelay, String confirmTimeout) {

    /** The helper's default probation, in seconds; the form starts with it. */
    public static final String DEFAULT_CONFIRM_TIMEOUT = "20";

    /** A form that cannot become options: which field, and why as a key of the tray's texts with its arguments. */
    public static final class Invalid extends Exception {
        private final String field;
        private final String key;
        private final Object[] args;

        Invalid(String field, String key, Object... args) {
            super(key);
            this.field = field;
            this.key = key;
            this.args = args.clone();
        }

        /** Why, in the texts' words. */
        public String in(org.bondtray.i18n.Texts t) {
            return t.get(key, args);
        }

        /** The field's key: "addresses", "miimon", ... */
        public String field() {
            return field;
        }
    }

    /**
     * Setup's options as plain values: strings, lists of strings, and longs for the helper's
     * uint32 options. Empty fields are left out, so the helper's defaults apply.
     */
    public Map<String, Object> options() throws Invalid {
        Map<String, Object> o = new LinkedHashMap<>();
        if (!ports.isEmpty()) {
            o.put(BondProperties.OPT_PORTS, List.copyOf(ports));
        }
        o.put(BondProperties.OPT_PREFERENCE, preference);
        o.put(BondProperties.OPT_ADDRESSING, addressing);
        List<String> addr = list(addresses);
        if (!"dhcp".equals(addressing)) {
            if (addr.isEmpty()) {
                throw new Invalid("addresses", "settings.invalid.addresses");
            }
            o.put(BondProperties.OPT_ADDRESSES, addr);
        }
        if (!list(gateway).isEmpty()) {
            o.put(BondProperties.OPT_GATEWAY, list(gateway));
        }
        if (!list(dns).isEmpty()) {
            o.put(BondProperties.OPT_DNS, list(dns));
        }
        if (!fallback.isBlank()) {
            if ("static".equals(addressing)) {
                throw new Invalid("fallback", "settings.invalid.fallback");
            }
            o.put(BondProperties.OPT_FALLBACK_ADDRESS, fallback.strip());
        }
        number(o, BondProperties.OPT_MIIMON, "miimon", miimon);
        number(o, BondProperties.OPT_UPDELAY, "updelay", updelay);
        number(o, BondProperties.OPT_DOWNDELAY, "downdelay", downdelay);
        number(o, BondProperties.OPT_CONFIRM_TIMEOUT, "confirm", confirmTimeout);
        return o;
    }

    /** "a, b c" → [a, b, c]: commas or spaces between the values. */
    static List<String> list(String typed) {
        List<String> out = new ArrayList<>();
        Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static void number(Map<String, Object> o, String key, String field, String typed) throws Invalid {
        if (typed.isBlank()) {
            return;
        }
        try {
            long n = Long.parseLong(typed.strip());
            if (n < 0 || n > 0xffffffffL) {
                throw new NumberFormatException();
            }
            o.put(key, n);
        } catch (NumberFormatException e) {
            throw new Invalid(field, "confirm".equals(field) ? "settings.invalid.seconds" : "settings.invalid.ms", typed.strip());
        }
    }
}
