package org.bondtray.tray;

import java.util.Locale;
import java.util.Map;

/**
 * How the tray's icon is drawn: in Bondtray's own colours, or as a one-colour glyph that the panel
 * recolours to fit its theme, as GNOME's and Plasma's own status icons are. Symbolic icons use
 * the icon theme's standard names where they say the same thing (a cable, a Wi-Fi signal, no
 * network), so a theme restyles them with the rest of the panel; what no standard name says
 * (two links, no standby, different networks) keeps Bondtray's name.
 */
public enum IconStyle {
    COLOR, SYMBOLIC;

    /** What a user chose: follow the desktop, or one of the two. */
    public static final String AUTO = "auto";

    /** Standard names (GNOME's Adwaita and KDE's Breeze have them) for the states they say as well. */
    private static final Map<String, String> STANDARD = Map.of(
            TrayIconName.WIRED, "network-wired-symbolic",
            TrayIconName.WIRELESS_PREFIX + "weak", "network-wireless-signal-weak-symbolic",
            TrayIconName.WIRELESS_PREFIX + "ok", "network-wireless-signal-ok-symbolic",
            TrayIconName.WIRELESS_PREFIX + "good", "network-wireless-signal-good-symbolic",
            TrayIconName.WIRELESS_PREFIX + "excellent", "network-wireless-signal-excellent-symbolic",
            TrayIconName.DOWN, "network-offline-symbolic");

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The style for {@code choice} ("auto", "color" or "symbolic") on the desktop
     * {@code xdgCurrentDesktop} names: auto means symbolic where the desktop's own status icons
     * are (GNOME and its kin, KDE Plasma), colour elsewhere (Xfce, LXQt, MATE, a bare window
     * manager), where the panel shows icons as they are drawn.
     */
    public static IconStyle of(String choice, String xdgCurrentDesktop) {
        for (IconStyle s : values()) {
            if (s.wire().equals(choice)) {
                return s;
            }
        }
        String desktops = xdgCurrentDesktop == null ? "" : xdgCurrentDesktop.toUpperCase(Locale.ROOT);
        for (String d : desktops.split(":")) {
            if (d.equals("GNOME") || d.equals("KDE") || d.equals("UNITY") || d.equals("BUDGIE")
                    || d.equals("PANTHEON") || d.equals("CINNAMON")) {
                return SYMBOLIC;
            }
        }
        return COLOR;
    }

    /** The name the panel is given for Bondtray's icon {@code icon} (a {@link TrayIconName}). */
    public String name(String icon) {
        if (this == COLOR) {
            return icon;
        }
        return STANDARD.getOrDefault(icon, icon + "-symbolic");
    }
}
