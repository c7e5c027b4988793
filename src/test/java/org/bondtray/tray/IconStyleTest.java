package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which icon style the tray uses, and the names it gives the panel in each. */
class IconStyleTest {
    @Test
    void autoFollowsTheDesktopsOwnStatusIcons() {
        assertEquals(IconStyle.SYMBOLIC, IconStyle.of("auto", "GNOME"));
        assertEquals(IconStyle.SYMBOLIC, IconStyle.of("auto", "ubuntu:GNOME"));
        assertEquals(IconStyle.SYMBOLIC, IconStyle.of("auto", "KDE"));
        assertEquals(IconStyle.COLOR, IconStyle.of("auto", "XFCE"));
        assertEquals(IconStyle.COLOR, IconStyle.of("auto", "LXQt"));
        assertEquals(IconStyle.COLOR, IconStyle.of("auto", null));
        // Something this version does not know (a newer setting): as auto.
        assertEquals(IconStyle.SYMBOLIC, IconStyle.of("monochrome", "GNOME"));
    }

    @Test
    void herChoiceWinsOverTheDesktop() {
        assertEquals(IconStyle.COLOR, IconStyle.of("color", "GNOME"));
        assertEquals(IconStyle.SYMBOLIC, IconStyle.of("symbolic", "XFCE"));
    }

    @Test
    void symbolicUsesTheThemesNamesWhereTheySayTheSame() {
        assertEquals("network-wired-symbolic", IconStyle.SYMBOLIC.name(TrayIconName.WIRED));
        assertEquals("network-wireless-signal-good-symbolic", IconStyle.SYMBOLIC.name(TrayIconName.WIRELESS_PREFIX + "good"));
        assertEquals("network-offline-symbolic", IconStyle.SYMBOLIC.name(TrayIconName.DOWN));
        // No standard name says these: Bondtray's own glyphs.
        assertEquals("bondtray-different-network-symbolic", IconStyle.SYMBOLIC.name(TrayIconName.DIFFERENT_NETWORK));
        assertEquals("bondtray-degraded-symbolic", IconStyle.SYMBOLIC.name(TrayIconName.DEGRADED));
        assertEquals("bondtray-unavailable-symbolic", IconStyle.SYMBOLIC.name(TrayIconName.UNAVAILABLE));
        assertEquals(TrayIconName.WIRED, IconStyle.COLOR.name(TrayIconName.WIRED));
    }
}
