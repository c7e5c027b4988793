package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.bondtray.api.PlainValues;
import org.bondtray.i18n.Texts;
import org.bondtray.testing.PrivateBus;
import org.bondtray.testing.VirtualDesktop;
import org.bondtray.tray.sni.DBusMenu;
import org.bondtray.tray.sni.SniNames;
import org.bondtray.tray.sni.StatusNotifierWatcher;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray's StatusNotifierItem and dbusmenu objects on a real dbus-daemon, read the way a panel
 * reads them, with a stand-in watcher that records registrations (the real panel is the host
 * test's). The helper is absent, so the tray must say so and keep going.
 */
class TrayOnPrivateBusTest {
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A watcher that only records who registered. */
    static final class RecordingWatcher implements StatusNotifierWatcher {
        final List<String> registered = new CopyOnWriteArrayList<>();

        @Override
        public void RegisterStatusNotifierItem(String service) {
            registered.add(service);
        }

        @Override
        public void RegisterStatusNotifierHost(String service) {
        }

        @Override
        public String getObjectPath() {
            return SniNames.WATCHER_PATH;
        }
    }

    private static DBusConnection watcher(String address, RecordingWatcher w) throws Exception {
        DBusConnection c = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        c.exportObject(w);
        c.requestBusName(SniNames.WATCHER_NAME);
        return c;
    }

    /** The two test buses' folders; skips without dbus-daemon. */
    private void busFolders() throws java.io.IOException {
        PrivateBus.assumeAvailable();
        java.nio.file.Files.createDirectories(dir.resolve("session"));
        java.nio.file.Files.createDirectories(dir.resolve("system"));
    }

    private static DBusConnection connect(PrivateBus bus) throws org.freedesktop.dbus.exceptions.DBusException {
        return DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
    }

    /** The tray on the test's buses, with the project's icons, in English. */
    private static TrayApp tray(DBusConnection session, DBusConnection system)
            throws org.freedesktop.dbus.exceptions.DBusException {
        return new TrayApp(session, system, Path.of("icons").toAbsolutePath(), new Texts(Locale.ENGLISH), () -> { });
    }

    @Test
    void registersShowsTheMissingHelperAndReRegistersWhenTheWatcherReturns() throws Exception {
        busFolders();
        try (PrivateBus sessionBus = new PrivateBus(dir.resolve("session"));
             PrivateBus systemBus = new PrivateBus(dir.resolve("system"))) {
            RecordingWatcher first = new RecordingWatcher();
            DBusConnection watcherConnection = watcher(sessionBus.address(), first);
            DBusConnection session = connect(sessionBus);
            DBusConnection system = connect(systemBus);
            DBusConnection panel = connect(sessionBus);
            try (TrayApp tray = tray(session, system)) {
                tray.start();
                VirtualDesktop.waitFor("the registration", TIMEOUT, () -> first.registered.contains(session.getUniqueName()));

                Properties item = panel.getRemoteObject(session.getUniqueName(), SniNames.ITEM_PATH, Properties.class);
                assertEquals("bondtray-unavailable", item.Get(SniNames.ITEM_INTERFACE, "IconName"));
                assertEquals(Path.of("icons").toAbsolutePath().toString(), item.Get(SniNames.ITEM_INTERFACE, "IconThemePath"));
                assertEquals(Boolean.TRUE, item.Get(SniNames.ITEM_INTERFACE, "ItemIsMenu"));
                // A network applet, as nm-applet and blueman are: not chat and mail (Communications).
                assertEquals("SystemServices", item.Get(SniNames.ITEM_INTERFACE, "Category"));
                assertEquals(SniNames.MENU_PATH, ((DBusPath) item.Get(SniNames.ITEM_INTERFACE, "Menu")).getPath());
                Object tip = item.GetAll(SniNames.ITEM_INTERFACE).get("ToolTip").getValue();
                String tipText = String.valueOf(PlainValues.of(tip));
                assertTrue(tipText.contains("Bondtray helper: not running"), "the tooltip says why: " + tipText);

                DBusMenu menu = panel.getRemoteObject(session.getUniqueName(), SniNames.MENU_PATH, DBusMenu.class);
                DBusMenu.LayoutReply<UInt32, DBusMenu.Layout> layout = menu.GetLayout(0, -1, List.of());
                List<String> labels = layout.layout.children.stream()
                        .map(v -> String.valueOf(PlainValues.of(v)))
                        .toList();
                assertTrue(labels.stream().anyMatch(l -> l.contains("_Quit")), "the menu has Quit: " + labels);
                assertTrue(labels.stream().anyMatch(l -> l.contains("Bondtray helper: not running")), labels.toString());
                menu.AboutToShow(0);
                assertEquals(1, tray.menu().shownCount());

                // The panel restarts: a new watcher takes the name and the icon comes back to it.
                watcherConnection.disconnect();
                RecordingWatcher second = new RecordingWatcher();
                DBusConnection again = watcher(sessionBus.address(), second);
                VirtualDesktop.waitFor("the registration with the new watcher", TIMEOUT, () -> second.registered.contains(session.getUniqueName()));
                again.disconnect();
            } finally {
                panel.disconnect();
                session.disconnect();
                system.disconnect();
            }
        }
    }

    /**
     * An administrator stops the helper: the tray says it is not running and leaves it stopped.
     * Reading it again would have the bus start it at once (and race the next start).
     */
    @Test
    void aStoppedHelperStaysStopped() throws Exception {
        busFolders();
        Path started = dir.resolve("activated");
        java.nio.file.Files.writeString(PrivateBus.serviceDir(dir.resolve("system")).resolve(BondtrayBus.BUS_NAME + ".service"),
                "[D-BUS Service]\nName=" + BondtrayBus.BUS_NAME + "\nExec=/usr/bin/touch " + started + "\n");
        try (PrivateBus sessionBus = new PrivateBus(dir.resolve("session"));
             PrivateBus systemBus = new PrivateBus(dir.resolve("system"))) {
            DBusConnection helper = connect(systemBus);
            helper.requestBusName(BondtrayBus.BUS_NAME);
            DBusConnection session = connect(sessionBus);
            DBusConnection system = connect(systemBus);
            try (TrayApp tray = tray(session, system)) {
                tray.start();
                helper.disconnect();
                VirtualDesktop.waitFor("the tray to say the helper is not running", TIMEOUT,
                        () -> "not running".equals(tray.snapshot().reason()));
                Thread.sleep(1000);
                assertTrue(!java.nio.file.Files.exists(started), "the tray had the bus start the stopped helper");
            } finally {
                session.disconnect();
                system.disconnect();
            }
        }
    }

    /**
     * Another local user sends signals that look like the helper's, on its object path: the tray
     * believes none of them. The same Switchover from the helper's own connection counts.
     */
    @Test
    void signalsFromAnyoneButTheHelperAreIgnored() throws Exception {
        busFolders();
        try (PrivateBus sessionBus = new PrivateBus(dir.resolve("session"));
             PrivateBus systemBus = new PrivateBus(dir.resolve("system"))) {
            DBusConnection helper = connect(systemBus);
            helper.requestBusName(BondtrayBus.BUS_NAME);
            DBusConnection mallory = connect(systemBus);
            DBusConnection session = connect(sessionBus);
            DBusConnection system = connect(systemBus);
            String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
            try (TrayApp tray = tray(session, system)) {
                tray.start();
                List<String> heard = new CopyOnWriteArrayList<>();
                tray.listen(s -> heard.add(s.state() + "/" + s.reason()));
                mallory.sendMessage(new org.bondtray.api.Bond.Switchover(path, "eth0", "wlan0", "forged\u001b[31m",
                        new org.freedesktop.dbus.types.UInt64(1), new UInt32(5)));
                mallory.sendMessage(new org.bondtray.api.Bond.RolledBack(path, "<a href='x'>forged</a>"));
                mallory.sendMessage(new Properties.PropertiesChanged(path, org.bondtray.api.BondtrayBus.BOND_INTERFACE,
                        java.util.Map.of("State", new org.freedesktop.dbus.types.Variant<>("FAKE-STATE")), List.of()));
                helper.sendMessage(new org.bondtray.api.Bond.Switchover(path, "eth0", "wlan0", "cable-unplugged",
                        new org.freedesktop.dbus.types.UInt64(2), new UInt32(7)));
                VirtualDesktop.waitFor("the helper's own switchover", TIMEOUT, () -> !tray.history().switches().isEmpty());
                Thread.sleep(500);
                assertEquals(List.of("cable-unplugged"), tray.history().switches().stream()
                        .map(org.bondtray.tray.status.History.Switch::reason).toList(), "only the helper's switchover");
                assertTrue(heard.isEmpty(), "nothing re-read the helper on a stranger's word: " + heard);
            } finally {
                helper.disconnect();
                mallory.disconnect();
                session.disconnect();
                system.disconnect();
            }
        }
    }

    /** A stand-in for the helper's bond object: its properties, read whole, with the reads counted. */
    static final class StandInBond implements Properties {
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        final DBusConnection helper;
        final String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);

        StandInBond(DBusConnection helper) {
            this.helper = helper;
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            if (reads.incrementAndGet() == 1) {
                // Said before this answer, which holds it and what came after: it must not undo it.
                changed("stale", 1);
            }
            return Map.of("State", new Variant<>("up"), "StateReason", new Variant<>("cable"),
                    BondProperties.REVISION, new Variant<>(new UInt64(2)));
        }

        void changed(String state, long revision) {
            try {
                helper.sendMessage(new Properties.PropertiesChanged(path, BondtrayBus.BOND_INTERFACE,
                        Map.of("State", new Variant<>(state), BondProperties.REVISION, new Variant<>(new UInt64(revision))),
                        List.of()));
            } catch (org.freedesktop.dbus.exceptions.DBusException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <A> A Get(String iface, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getObjectPath() {
            return path;
        }
    }

    /**
     * The tray reads the bond once and then keeps it from the helper's PropertiesChanged, without
     * asking the helper again; a change the helper said before its answer does not undo the answer.
     */
    @Test
    void theTrayKeepsTheBondFromTheHelpersChangesAndReadsItOnce() throws Exception {
        busFolders();
        try (PrivateBus sessionBus = new PrivateBus(dir.resolve("session"));
             PrivateBus systemBus = new PrivateBus(dir.resolve("system"))) {
            DBusConnection helper = connect(systemBus);
            StandInBond bond = new StandInBond(helper);
            helper.exportObject(bond);
            helper.requestBusName(BondtrayBus.BUS_NAME);
            DBusConnection session = connect(sessionBus);
            DBusConnection system = connect(systemBus);
            try (TrayApp tray = tray(session, system)) {
                tray.start();
                VirtualDesktop.waitFor("the tray to read the bond", TIMEOUT, () -> "up".equals(tray.snapshot().state()));
                Thread.sleep(1000);
                assertEquals("up", tray.snapshot().state(), "the change said before the answer undid it");
                bond.changed("degraded", 3);
                VirtualDesktop.waitFor("the tray to take the change", TIMEOUT,
                        () -> "degraded".equals(tray.snapshot().state()));
                assertEquals("cable", tray.snapshot().reason(), "what did not change is kept");
                assertEquals(1, bond.reads.get(), "the tray asked the helper again after a change");
            } finally {
                helper.disconnect();
                session.disconnect();
                system.disconnect();
            }
        }
    }
}
