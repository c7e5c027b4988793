package org.bondtray.helper.config;

import java.util.List;

import org.bondtray.helper.Preference;

/**
 * What the user asked the bond to be. Ports are named by permanent MAC, interface name or name
 * pattern ({@code en*}); an empty list means "the first wired and the first wireless port".
 *
 * @param primary a port spec that overrides the preference, or empty
 */
public record BondConfig(String bond, List<String> ports, Preference preference, String primary, int miimon,
                         int updelay, int downdelay) {

    public static final int DEFAULT_MIIMON = 100;
    public static final int MAX_TIMER_MS = 60_000;

    public BondConfig {
        ports = List.copyOf(ports);
        primary = primary == null ? "" : primary;
    }

    public static BondConfig defaults(String bond) {
        return new BondConfig(bond, List.of(), Preference.WIRED, "", DEFAULT_MIIMON, 0, 0);
    }

    public BondConfig withPreference(Preference p) {
        return new BondConfig(bond, ports, p, "", miimon, updelay, downdelay);
    }
}
