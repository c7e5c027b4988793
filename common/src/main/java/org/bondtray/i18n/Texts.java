package org.bondtray.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** A resource bundle's strings (the tray's, or the command line's) in the user's language (English where missing). */
public final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Texts(Locale locale) {
        this("org.bondtray.tray.messages", locale);
    }

    /**
     * The strings of {@code bundleName} in {@code locale}'s language; English (the base bundle)
     * where it has none, whatever the machine's default language.
     */
    public Texts(String bundleName, Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(bundleName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public static Texts forUser() {
        return new Texts(Locale.getDefault(Locale.Category.DISPLAY));
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
