package org.bondtray.tray;

import java.util.ArrayList;
import java.util.List;

import org.bondtray.api.BondSnapshot;
import org.bondtray.i18n.Texts;

/**
 * The tray menu's items for a bond: status lines, the three preferences as radio items, switch
 * now, the three windows, quit. Ids are fixed, so a panel that holds an old layout still clicks
 * the right item (the windows' ids came later, hence their numbers).
 */
public final class TrayMenuModel {
    /** The Status… item's id, as src/doc/tray-api.txt numbers it: what a panel's click sends. */
    public static final int STATUS_ITEM = 13;

    /** What clicking an item asks for. */
    public enum Action {
        NONE, PREFER_WIRED, PREFER_WIRELESS, PREFER_AUTOMATIC, SWITCH_NOW, OPEN_WIFI, OPEN_STATUS, OPEN_SETTINGS, QUIT
    }

    /** One item; {@code toggle} is "" or "radio", {@code on} its state. */
    public record Item(int id, boolean separator, String label, boolean enabled, boolean visible, String toggle,
                       boolean on, Action action) {
        static Item separator(int id) {
            return new Item(id, true, "", true, true, "", false, Action.NONE);
        }
    }

    static final int STATUS_LINES = 3;

    private TrayMenuModel() {
    }

    public static List<Item> items(BondSnapshot s, TrayTexts texts) {
        Texts t = texts.texts();
        List<Item> out = new ArrayList<>();
        List<String> lines = texts.statusLines(s);
        for (int i = 0; i < STATUS_LINES; i++) {
            out.add(new Item(1 + i, false, i < lines.size() ? lines.get(i).replace("_", "__") : "", false,
                    i < lines.size(), "", false, Action.NONE));
        }
        out.add(Item.separator(4));
        boolean configured = s.helperReachable() && !s.ports().isEmpty();
        out.add(radio(5, t.get("menu.prefer.wired"), configured, s.preference().equals("wired"), Action.PREFER_WIRED));
        out.add(radio(6, t.get("menu.prefer.wireless"), configured, s.preference().equals("wireless"),
                Action.PREFER_WIRELESS));
        out.add(radio(7, t.get("menu.prefer.automatic"), configured, s.preference().equals("automatic"),
                Action.PREFER_AUTOMATIC));
        out.add(Item.separator(8));
        BondSnapshot.Port standby = s.standby();
        boolean canSwitch = standby != null && standby.role().equals("backup");
        out.add(new Item(9, false, standby == null ? "" : t.get("menu.switch", texts.link(standby).replace("_", "__")),
                canSwitch, standby != null, "", false, Action.SWITCH_NOW));
        out.add(Item.separator(10));
        out.add(new Item(12, false, t.get("menu.wifi"), true, true, "", false, Action.OPEN_WIFI));
        out.add(new Item(STATUS_ITEM, false, t.get("menu.status"), true, true, "", false, Action.OPEN_STATUS));
        out.add(new Item(14, false, t.get("menu.settings"), s.helperReachable(), true, "", false, Action.OPEN_SETTINGS));
        out.add(Item.separator(15));
        out.add(new Item(11, false, t.get("menu.quit"), true, true, "", false, Action.QUIT));
        return out;
    }

    private static Item radio(int id, String label, boolean enabled, boolean on, Action action) {
        return new Item(id, false, label, enabled, true, "radio", on, action);
    }
}
