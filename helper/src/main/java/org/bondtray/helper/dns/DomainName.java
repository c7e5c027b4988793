package org.bondtray.helper.dns;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DNS domain name as RFC 1035 and RFC 1123 write it: dot-separated labels of letters, digits
 * and hyphens, each 1–63 long and neither starting nor ending with a hyphen, 253 characters in
 * all. Domains come from DHCP servers and end up in resolv.conf's {@code search} line, so
 * anything else (a line break followed by {@code nameserver …}, an {@code options} directive,
 * a space) would be the server writing resolver directives as root: it never passes.
 */
public final class DomainName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX = 253;

    private DomainName() {
    }

    /** {@code text} as a domain name in lower case without a final dot, or empty if it is not one. */
    public static Optional<String> of(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty() || name.length() > MAX) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(lower);
    }
}
