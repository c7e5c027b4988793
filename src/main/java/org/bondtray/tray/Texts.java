package org.bondtray.tray;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The tray's strings from its resource bundle, in the user's language (English where missing). */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.bondtray.tray.messages", locale);
    }

    public Locale locale() {
        return locale;
    }

    public static Texts forUser() {
        return new Texts(Locale.getDefault());
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The key's text, or {@code fallback} when the bundle has no such key (a reason from a newer helper). */
    public String getOr(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /** dbusmenu labels mark mnemonics with '_'; elsewhere the mark is dropped. */
    public String plain(String key, Object... args) {
        return get(key, args).replaceAll("\\(_.\\)$", "").replace("_", "");
    }
}
