package org.bondtray.tray.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bondtray.api.BondProperties;
import org.bondtray.api.SetupOptions;

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
     * Setup's options, built as the command line builds them ({@link SetupOptions}). Empty
     * fields are left out, so the helper's defaults apply. The form checks what only it can show
     * next to a field (a number that is not one, static addressing without an address); the
     * helper checks everything else and says what is wrong in its error.
     */
    public SetupOptions options() throws Invalid {
        SetupOptions o = new SetupOptions();
        try {
            o.putAll(BondProperties.OPT_PORTS, ports);
            o.put(BondProperties.OPT_PREFERENCE, preference);
            o.put(BondProperties.OPT_ADDRESSING, addressing);
            List<String> addr = list(addresses);
            if (!"dhcp".equals(addressing)) {
                if (addr.isEmpty()) {
                    throw new Invalid("addresses", "settings.invalid.addresses");
                }
                o.putAll(BondProperties.OPT_ADDRESSES, addr);
            }
            o.putAll(BondProperties.OPT_GATEWAY, list(gateway));
            o.putAll(BondProperties.OPT_DNS, list(dns));
            if (!fallback.isBlank()) {
                if ("static".equals(addressing)) {
                    throw new Invalid("fallback", "settings.invalid.fallback");
                }
                o.put(BondProperties.OPT_FALLBACK_ADDRESS, fallback.strip());
            }
        } catch (SetupOptions.NotANumber e) {
            throw new IllegalStateException("no number among these", e);
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

    private static void number(SetupOptions o, String key, String field, String typed) throws Invalid {
        if (typed.isBlank()) {
            return;
        }
        try {
            o.put(key, typed.strip());
        } catch (SetupOptions.NotANumber e) {
            throw new Invalid(field, "confirm".equals(field) ? "settings.invalid.seconds" : "settings.invalid.ms", typed.strip());
        }
    }
}
