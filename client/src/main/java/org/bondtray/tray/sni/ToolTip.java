package org.bondtray.tray.sni;

import java.util.List;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/** The item's tooltip, (sa(iiay)ss): icon name, icon pixmaps, title, text. */
public final class ToolTip extends Struct {
    @Position(0)
    public final String iconName;
    @Position(1)
    public final List<IconPixmap> pixmaps;
    @Position(2)
    public final String title;
    @Position(3)
    public final String text;

    public ToolTip(String iconName, List<IconPixmap> pixmaps, String title, String text) {
        this.iconName = iconName;
        this.pixmaps = pixmaps;
        this.title = title;
        this.text = text;
    }
}
