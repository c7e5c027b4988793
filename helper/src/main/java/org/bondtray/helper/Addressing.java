package org.bondtray.helper;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the bond's addresses come from: a DHCP server (the default; the addressing work makes the
 * helper supervise dhcpcd), static addresses from the configuration, or both.
 */
public enum Addressing {
    DHCP, STATIC, BOTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasStatic() {
        return this != DHCP;
    }

    public static Optional<Addressing> parse(String s) {
        for (Addressing a : values()) {
            if (a.wire().equals(s)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
