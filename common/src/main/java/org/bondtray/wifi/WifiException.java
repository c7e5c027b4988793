package org.bondtray.wifi;

import java.util.Locale;

import org.bondtray.i18n.Texts;

/**
 * Why a call could not be made, in words a user can act on: a known reason's words come from
 * {@code org/bondtray/wifi/messages*.properties} ({@link #getMessage()} in English, {@link #in}
 * in the user's language); a reason nobody foresaw carries the bus's own words.
 */
public final class WifiException extends Exception {
    private static final String BUNDLE = "org.bondtray.wifi.messages";
    private final String key;
    private final Object[] args;

    /** A reason nobody foresaw, shown as it came. */
    public WifiException(String message) {
        super(message);
        this.key = null;
        this.args = new Object[0];
    }

    private WifiException(String key, Object... args) {
        super(words(key, Locale.ROOT, args));
        this.key = key;
        this.args = args.clone();
    }

    /** The known reason {@code key} of the bundle, with its arguments. */
    public static WifiException of(String key, Object... args) {
        return new WifiException(key, args);
    }

    /** The reason in {@code locale}'s language (English where the bundle has none). */
    public String in(Locale locale) {
        return key == null ? getMessage() : words(key, locale, args);
    }

    private static String words(String key, Locale locale, Object... args) {
        return new Texts(BUNDLE, locale).get(key, args);
    }
}
