package org.bondtray.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Setup's options as src/doc/bond-api.txt spells them, built from what a person typed, by the
 * command line and the settings window alike. It parses only what has a wire type of its own (a
 * uint32 must be a number); whether a value makes sense is the helper's to say, in its error.
 */
public final class SetupOptions {
    /** The options that are lists of strings (as); more than one value adds to the list. */
    private static final List<String> LISTS = List.of(BondProperties.OPT_PORTS, BondProperties.OPT_ADDRESSES,
            BondProperties.OPT_GATEWAY, BondProperties.OPT_DNS, BondProperties.OPT_ROUTES);
    /** The options that are uint32. */
    private static final List<String> NUMBERS = List.of(BondProperties.OPT_MIIMON, BondProperties.OPT_UPDELAY,
            BondProperties.OPT_DOWNDELAY, BondProperties.OPT_ROUTE_METRIC, BondProperties.OPT_CONFIRM_TIMEOUT);

    /** A typed value that cannot be the option's wire type: which option, and what was typed. */
    public static final class NotANumber extends Exception {
        private static final long serialVersionUID = 1L;
        private final String option;

        NotANumber(String option, String typed) {
            super(option + " takes a number from 0 to 4294967295, not \"" + typed + "\"");
            this.option = option;
        }

        /** The option as the API names it (MiiMon, ConfirmTimeout, ...). */
        public String option() {
            return option;
        }
    }

    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * Sets {@code option} from {@code typed}: a string option takes it as it is, a list option
     * adds it, a number option parses it. Unknown options are the helper's to refuse.
     */
    public SetupOptions put(String option, String typed) throws NotANumber {
        if (LISTS.contains(option)) {
            listOf(option).add(typed);
        } else if (NUMBERS.contains(option)) {
            values.put(option, number(option, typed));
        } else {
            values.put(option, typed);
        }
        return this;
    }

    /** Adds every value to the list option {@code option}. */
    public SetupOptions putAll(String option, List<String> typed) throws NotANumber {
        for (String v : typed) {
            put(option, v);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private List<String> listOf(String option) {
        return (List<String>) values.computeIfAbsent(option, k -> new ArrayList<String>());
    }

    private static long number(String option, String typed) throws NotANumber {
        try {
            long n = Long.parseLong(typed.strip());
            if (n >= 0 && n <= 0xffffffffL) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new NotANumber(option, typed);
    }

    /** The options as plain values: strings, lists of strings, longs for the uint32 ones. */
    public Map<String, Object> plain() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        return out;
    }

    /** The options as Setup's a{sv} takes them. */
    public Map<String, Variant<?>> variants() {
        Map<String, Variant<?>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, switch (v) {
            case Long n -> new Variant<>(new UInt32(n));
            case List<?> l -> new Variant<>(l.stream().map(String::valueOf).toArray(String[]::new), "as");
            default -> new Variant<>(String.valueOf(v));
        }));
        return out;
    }
}
