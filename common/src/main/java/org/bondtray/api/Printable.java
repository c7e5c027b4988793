package org.bondtray.api;

/**
 * Text that came from the network, an access point or another local user, made safe to print,
 * log or show: control characters (a terminal's escape sequences, newlines that forge a log line)
 * and invisible format characters (a right-to-left override that turns a name around) become
 * {@code \xNN} or {@code \}{@code uNNNN}; everything else stays as it was.
 */
public final class Printable {
    private Printable() {
    }

    /** Whether {@code codePoint} may be shown as itself. */
    public static boolean safe(int codePoint) {
        return !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.FORMAT
                && codePoint != 0x2028 && codePoint != 0x2029;
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().allMatch(Printable::safe)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (safe(cp)) {
                b.appendCodePoint(cp);
            } else if (cp < 0x100) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.append(String.format("\\u%04x", cp));
            }
        });
        return b.toString();
    }
}
