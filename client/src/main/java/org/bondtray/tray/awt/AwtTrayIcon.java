package org.bondtray.tray.awt;

import java.awt.AWTError;
import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.tray.LegacyTray;
import org.bondtray.tray.TrayApp;
import org.bondtray.tray.TrayMenuModel;
import org.bondtray.tray.sni.IconPixmap;
import org.bondtray.tray.sni.TrayItem;

/**
 * The tray's icon in the display's older system tray through AWT, which speaks the freedesktop
 * System Tray protocol (XEmbed) on X11: the same picture, tooltip and menu as the
 * StatusNotifierItem, from the same model, kept up to date as the helper's state changes. A
 * click opens the status window; the menu comes with the tray's usual button (the right one).
 * AWT is touched only on its event thread, and only when no panel took the StatusNotifierItem.
 */
public final class AwtTrayIcon implements LegacyTray {
    private static final Logger LOG = Logger.getLogger(AwtTrayIcon.class.getName());

    private final TrayApp app;
    /** On AWT's event thread only. */
    private TrayIcon icon;
    private String shownIcon = "";
    private List<TrayMenuModel.Item> shownItems = List.of();
    private AutoCloseable listening;

    public AwtTrayIcon(TrayApp app) {
        this.app = app;
    }

    @Override
    public boolean show() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        AtomicBoolean added = new AtomicBoolean();
        try {
            EventQueue.invokeAndWait(() -> added.set(add()));
        } catch (InvocationTargetException e) {
            LOG.log(Level.INFO, "no older system tray either: " + e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (AWTError | LinkageError e) {
            // No X server to talk to, or a runtime without AWT's native parts.
            LOG.log(Level.INFO, "no older system tray either: " + e);
            return false;
        }
        if (added.get()) {
            listening = app.listen(s -> EventQueue.invokeLater(this::refresh));
        }
        return added.get();
    }

    /** On the event thread: the icon into the tray, if the display has a tray manager. */
    private boolean add() {
        if (!SystemTray.isSupported()) {
            LOG.info("no older system tray on this display either");
            return false;
        }
        SystemTray tray = SystemTray.getSystemTray();
        TrayItem.Look look = app.item().look();
        TrayIcon t = new TrayIcon(image(look.pixmaps(), tray.getTrayIconSize()), toolTip(look));
        t.setImageAutoSize(true);
        t.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1) {
                    app.act(TrayMenuModel.Action.OPEN_STATUS);
                }
            }
        });
        try {
            tray.add(t);
        } catch (AWTException e) {
            LOG.info("the older system tray refused the icon: " + e.getMessage());
            return false;
        }
        icon = t;
        shownIcon = look.iconName();
        refresh();
        LOG.info("no panel hosts StatusNotifierItems here: the icon is in the older system tray");
        return true;
    }

    /** On the event thread: picture, tooltip and menu as the model has them now. */
    private void refresh() {
        if (icon == null) {
            return;
        }
        TrayItem.Look look = app.item().look();
        if (!look.iconName().equals(shownIcon)) {
            icon.setImage(image(look.pixmaps(), SystemTray.getSystemTray().getTrayIconSize()));
            shownIcon = look.iconName();
        }
        icon.setToolTip(toolTip(look));
        List<TrayMenuModel.Item> items = app.menu().items();
        if (!items.equals(shownItems)) {
            icon.setPopupMenu(menu(items));
            shownItems = items;
        }
    }

    @Override
    public void hide() {
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not stop listening", e);
            }
        }
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }

    /** The menu's items as AWT's: radio items as check items, hidden ones left out, no doubled separators. */
    private PopupMenu menu(List<TrayMenuModel.Item> items) {
        PopupMenu m = new PopupMenu();
        boolean separatorDue = false;
        for (TrayMenuModel.Item i : items) {
            if (!i.visible()) {
                continue;
            }
            if (i.separator()) {
                separatorDue = m.getItemCount() > 0;
                continue;
            }
            if (separatorDue) {
                m.addSeparator();
                separatorDue = false;
            }
            MenuItem item;
            if (i.toggle().equals("radio")) {
                CheckboxMenuItem check = new CheckboxMenuItem(label(i.label()), i.on());
                // AWT flips the check itself; the helper's answer sets it right with the next refresh.
                check.addItemListener(e -> app.act(i.action()));
                item = check;
            } else {
                item = new MenuItem(label(i.label()));
                item.addActionListener(e -> app.act(i.action()));
            }
            item.setEnabled(i.enabled());
            m.add(item);
        }
        return m;
    }

    /** A dbusmenu label as plain text: "__" is an underscore, "_" marks a mnemonic, "(_N)" names one. */
    static String label(String dbusmenu) {
        return dbusmenu.replaceAll("\\(_.\\)$", "").replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
    }

    /** AWT's tooltip is one line: the title and the status lines after each other. */
    static String toolTip(TrayItem.Look look) {
        return look.title() + " — " + String.join(" · ", look.toolTip().lines().filter(l -> !l.isBlank()).toList());
    }

    /** The pixmap nearest the tray's size (the smallest at least as large, else the largest) as an image. */
    static BufferedImage image(List<IconPixmap> pixmaps, Dimension size) {
        IconPixmap best = pixmaps.stream().filter(p -> p.width >= size.width).min(Comparator.comparingInt(p -> p.width))
                .orElseGet(() -> pixmaps.stream().max(Comparator.comparingInt(p -> p.width)).orElse(null));
        if (best == null) {
            return new BufferedImage(Math.max(1, size.width), Math.max(1, size.height), BufferedImage.TYPE_INT_ARGB);
        }
        BufferedImage img = new BufferedImage(best.width, best.height, BufferedImage.TYPE_INT_ARGB);
        byte[] a = best.argb;
        for (int y = 0, i = 0; y < best.height; y++) {
            for (int x = 0; x < best.width; x++, i += 4) {
                img.setRGB(x, y, (a[i] & 0xff) << 24 | (a[i + 1] & 0xff) << 16 | (a[i + 2] & 0xff) << 8 | a[i + 3] & 0xff);
            }
        }
        return img;
    }
}
