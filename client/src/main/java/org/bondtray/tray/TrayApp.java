package org.bondtray.tray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.api.Bond;
import org.bondtray.api.BondSnapshot;
import org.bondtray.api.BondtrayBus;
import org.bondtray.api.BusMatch;
import org.bondtray.api.NameOwner;
import org.bondtray.heap.NativeHeap;
import org.bondtray.i18n.Texts;
import org.bondtray.tray.notify.Notifier;
import org.bondtray.tray.sni.SniNames;
import org.bondtray.tray.sni.StatusNotifierWatcher;
import org.bondtray.tray.sni.TrayItem;
import org.bondtray.tray.sni.TrayMenu;
import org.bondtray.tray.status.History;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * The tray: follows the helper on the system bus and shows what it says as a StatusNotifierItem
 * with a dbusmenu menu and notifications on the session bus. Either side may come and go (the
 * helper restarted, the panel restarted): it follows NameOwnerChanged and never gives up.
 */
public final class TrayApp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrayApp.class.getName());

    private final DBusConnection session;
    private final DBusConnection system;
    private final TrayTexts texts;
    private final TrayItem item;
    private final TrayMenu menu;
    private final Notifier notifier;
    private final IconPixmaps pixmaps;
    private final Runnable quit;
    /** Calls to the helper may wait for a password prompt: never on the bus's dispatch thread. */
    private final ExecutorService calls = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("helper-calls").daemon().unstarted(r));
    private final String bondPath = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
    /** The helper's bond as last read or told. */
    private final FollowedBond followed;
    private volatile BondSnapshot snapshot = BondSnapshot.unreachable("starting");
    /** The helper's unique name on the system bus, whose signals alone count; set by {@link #start()}. */
    private volatile NameOwner helper;
    private final IconPlace place = new IconPlace();
    private final List<AutoCloseable> subscriptions = new java.util.ArrayList<>();
    private final History history = new History();
    private final NetworkMove move = new NetworkMove();
    /** Her own choices for this tray (which notifications, the stand-in window), kept in her home. */
    private volatile TraySettings settings = TraySettings.ofUser();
    private final List<java.util.function.Consumer<BondSnapshot>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The chart's line needs readings between the helper's changes, too. */
    private final java.util.concurrent.ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tray-timers").daemon().unstarted(r));
    private volatile TrayWindows windows = TrayWindows.NONE;

    public TrayApp(DBusConnection session, DBusConnection system, Path iconTheme, Texts t, Runnable quit)
            throws DBusException {
        this.session = session;
        this.system = system;
        this.texts = new TrayTexts(t);
        this.quit = quit;
        this.followed = new FollowedBond(system, bondPath, t.get("status.helper.missing"));
        this.pixmaps = new IconPixmaps(iconTheme);
        this.item = new TrayItem(session, "bondtray", iconTheme.toString(), look(snapshot));
        this.menu = new TrayMenu(session, List.of(iconTheme.toString()), this::clicked);
        this.notifier = new Notifier(session, t.get("app.name"), Map.of(Notifier.SWITCH_BACK, t.plain("action.switch.back"),
                Notifier.OPEN_STATUS, t.plain("action.open.status")), key -> {
                    if (Notifier.SWITCH_BACK.equals(key)) {
                        clicked(TrayMenuModel.Action.SWITCH_NOW);
                    } else if (Notifier.OPEN_STATUS.equals(key)) {
                        clicked(TrayMenuModel.Action.OPEN_STATUS);
                    }
                });
        notifier.showOnly(settings.notifyWhen());
    }

    /** Exports the icon and menu, registers with the panel's watcher, and starts following the helper. */
    public void start() throws DBusException {
        // Exported before registering: the watcher reads the item as soon as it hears of it.
        session.exportObject(menu);
        session.exportObject(item);
        subscriptions.add(BusMatch.ownerOf(session, SniNames.WATCHER_NAME, s -> {
            if (SniNames.WATCHER_NAME.equals(s.name) && !s.newOwner.isEmpty()) {
                register();
            }
        }));
        helper = new NameOwner(system, BondtrayBus.BUS_NAME);
        subscriptions.add(helper);
        subscriptions.add(BusMatch.ownerOf(system, BondtrayBus.BUS_NAME, s -> {
            if (NameOwner.fromBus(s) && BondtrayBus.BUS_NAME.equals(s.name)) {
                // A helper that went away was stopped or crashed: reading it now would have the
                // bus start it again at once, undoing an administrator's stop and racing a
                // restart. The tray says it is not running and waits for the next owner.
                calls.execute(s.newOwner.isEmpty() ? this::helperGone : this::reload);
            }
        }));
        subscriptions.add(BusMatch.at(system, Properties.PropertiesChanged.class, bondPath, s -> {
            if (fromHelper(s)) {
                calls.execute(() -> followed.changed(s.getPropertiesChanged(), s.getPropertiesRemoved())
                        .ifPresent(this::show));
            }
        }));
        subscriptions.add(BusMatch.at(system, Bond.Switchover.class, bondPath, s -> {
            if (fromHelper(s)) {
                switchedOver(s.getFrom(), s.getTo(), s.getReason(), s.getOutageMillis());
            }
        }));
        subscriptions.add(BusMatch.at(system, Bond.RolledBack.class, bondPath, s -> {
            if (fromHelper(s)) {
                tell(new TrayTexts.Notice(texts.texts().get("notify.rolled.back"), s.getReason(), true),
                        TrayIconName.of(snapshot), false);
            }
        }));
        subscriptions.add(org.bondtray.logind.SleepWatch.follow(system, this::sleeping));
        reload();
        register();
        timers.schedule(() -> place.graceOver(windows, settings.standInWindow()), place.grace().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        // Once the start has settled (the bus, the panel, the first reads), what it freed goes
        // back to the kernel, once, on the thread the tray already has: no timer afterwards.
        timers.schedule(NativeHeap::trim, START_SETTLES.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** How long after its start the tray gives its freed C heap back: past the panel's answer. */
    private static final java.time.Duration START_SETTLES = java.time.Duration.ofSeconds(10);

    private final SleepQuiet quiet = new SleepQuiet();

    /**
     * Whether {@code s} is the helper's, about its bond: sent by the current owner of its bus
     * name. Another local user may send a signal that looks the same.
     */
    public boolean fromHelper(DBusSignal s) {
        NameOwner h = helper;
        return h != null && h.sent(s) && bondPath.equals(s.getPath());
    }

    /** Where the menu's window items go; {@link TrayWindows#NONE} until set. */
    public void windows(TrayWindows w) {
        windows = w;
    }

    public History history() {
        return history;
    }

    /** Called with every new snapshot, on the thread that read it. */
    public AutoCloseable listen(java.util.function.Consumer<BondSnapshot> l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** The system bus the helper and wpa_supplicant are on. */
    public DBusConnection system() {
        return system;
    }

    public Texts texts() {
        return texts.texts();
    }

    /** The helper's bond object, for the windows' changes. */
    public Bond bond() throws DBusException {
        return system.getRemoteObject(BondtrayBus.BUS_NAME, bondPath, Bond.class);
    }

    public String bondPath() {
        return bondPath;
    }

    /** How long to wait for a panel before the windows say there is none; set before {@link #start()}. */
    public void panelGrace(java.time.Duration grace) {
        place.grace(grace);
    }

    /** The older system tray to try where no panel takes the icon; set before {@link #start()}. */
    public void legacyTray(LegacyTray tray) {
        place.legacy(tray);
    }

    /** When the watcher last took the icon (System.nanoTime()), -1 if it has not. */
    public long registeredNanos() {
        return place.registeredNanos();
    }

    public BondSnapshot snapshot() {
        return snapshot;
    }

    public TrayItem item() {
        return item;
    }

    public TrayMenu menu() {
        return menu;
    }

    /** Does what the menu item of {@code action} does, for windows that stand in for the menu. */
    public void act(TrayMenuModel.Action action) {
        clicked(action);
    }

    /** Which notifications she wants; changed from the settings window, kept for the next login. */
    public org.bondtray.tray.notify.NotifyWhen notifyWhen() {
        return notifier.showing();
    }

    public void notifyWhen(org.bondtray.tray.notify.NotifyWhen w) {
        notifier.showOnly(w);
        settings.setNotifyWhen(w);
    }

    /** Keeps her choices in {@code s} rather than in her home (tests, the lab); takes them at once. */
    public void settings(TraySettings s) {
        settings = s;
        notifier.showOnly(s.notifyWhen());
    }

    /** The icon's style now: her choice, or what her desktop's own status icons look like. */
    public IconStyle iconStyle() {
        return IconStyle.of(settings == null ? IconStyle.AUTO : settings.icons(), System.getenv("XDG_CURRENT_DESKTOP"));
    }

    /** What she chose: "auto", "color" or "symbolic". */
    public String iconChoice() {
        return settings.icons();
    }

    /** Her choice from Settings ("auto", "color", "symbolic"): kept, and the icon redrawn at once. */
    public void iconStyle(String choice) {
        settings.setIcons(choice);
        item.show(look(snapshot));
    }

    /** Whether a window stands in for the icon where no panel shows it. */
    public boolean standInWindow() {
        return settings.standInWindow();
    }

    /** She turned the stand-in window off (from that window) or on again (from Settings); kept. */
    public void standInWindow(boolean show) {
        settings.setStandInWindow(show);
        place.standIn(windows, show);
    }

    public Notifier notifier() {
        return notifier;
    }

    private void register() {
        try {
            StatusNotifierWatcher w = session.getRemoteObject(SniNames.WATCHER_NAME, SniNames.WATCHER_PATH,
                    StatusNotifierWatcher.class);
            w.RegisterStatusNotifierItem(session.getUniqueName());
            place.panelTookIcon(windows);
        } catch (DBusException | RuntimeException e) {
            // No panel with a tray yet: it registers the icon when a watcher appears.
            LOG.log(Level.INFO, "no StatusNotifierWatcher to register with yet: " + e.getMessage());
        }
    }

    /** Reads the helper's state again and shows it. */
    private void reload() {
        show(followed.read());
    }

    private void helperGone() {
        followed.forget();
        show(BondSnapshot.unreachable(texts.texts().get("status.helper.missing")));
    }

    private void show(BondSnapshot next) {
        BondSnapshot before = snapshot;
        BondSnapshot now = next;
        snapshot = now;
        item.show(look(now));
        menu.update(TrayMenuModel.items(now, texts));
        texts.change(before, now).ifPresent(n -> tell(n, TrayIconName.of(now), false));
        move.seen(texts, now).ifPresent(n -> tell(n, TrayIconName.of(now), false));
        history.sample(java.time.Instant.now(), now);
        listeners.forEach(l -> l.accept(now));
    }

    /** A notice, unless the machine sleeps or just woke up (see {@link SleepQuiet}). */
    private void tell(TrayTexts.Notice n, String icon, boolean switchBack) {
        if (!quiet.holds(new SleepQuiet.Held(n, icon, switchBack, false), System.nanoTime())) {
            notifier.show(n, icon, switchBack);
        }
    }

    /** logind's PrepareForSleep; after a wake-up, once settled, what changed is told once. */
    private void sleeping(boolean start) {
        BondSnapshot s = snapshot;
        quiet.sleeping(start, s.activePort(), s.address(), System.nanoTime());
        if (!start) {
            timers.schedule(() -> {
                BondSnapshot now = snapshot;
                quiet.settled(now.activePort(), now.address())
                        .ifPresent(h -> notifier.show(h.notice(), h.icon(), h.switchBack()));
            }, SleepQuiet.SETTLE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void switchedOver(String from, String to, String reason, long outageMs) {
        if (to.isEmpty()) {
            return;
        }
        BondSnapshot s = snapshot;
        history.switched(java.time.Instant.now(), from, to, reason, outageMs);
        TrayTexts.Notice n = move.switched(texts, s, to, reason, outageMs);
        boolean switchBack = !"user-request".equals(reason);
        if (!quiet.holds(new SleepQuiet.Held(n, TrayIconName.of(s), switchBack, true), System.nanoTime())) {
            notifier.show(n, TrayIconName.of(s), switchBack);
        }
    }

    private TrayItem.Look look(BondSnapshot s) {
        String icon = TrayIconName.of(s);
        // Pixmaps stay the coloured drawings: a panel that cannot look names up cannot recolour either.
        return new TrayItem.Look(iconStyle().name(icon), pixmaps.of(icon), texts.texts().get("app.name"),
                String.join("\n", texts.statusLines(s)));
    }

    private void clicked(TrayMenuModel.Action action) {
        switch (action) {
            case QUIT -> {
                quit.run();
                return;
            }
            case OPEN_WIFI, OPEN_STATUS, OPEN_SETTINGS -> {
                windows.open(action);
                return;
            }
            default -> {
            }
        }
        calls.execute(() -> {
            try {
                Bond bond = bond();
                switch (action) {
                    case PREFER_WIRED -> bond.SetPreference("wired");
                    case PREFER_WIRELESS -> bond.SetPreference("wireless");
                    case PREFER_AUTOMATIC -> bond.SetPreference("automatic");
                    case SWITCH_NOW -> {
                        BondSnapshot.Port standby = snapshot.standby();
                        if (standby != null) {
                            bond.SwitchTo(standby.name());
                        }
                    }
                    default -> {
                    }
                }
            } catch (DBusException | RuntimeException e) {
                LOG.log(Level.WARNING, "the helper did not do " + action + ": " + e.getMessage());
            }
        });
    }

    @Override
    public void close() throws IOException {
        for (AutoCloseable sub : subscriptions) {
            try {
                sub.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not drop a subscription", e);
            }
        }
        calls.shutdownNow();
        timers.shutdownNow();
        place.leaveLegacy();
        windows.close();
        session.unExportObject(SniNames.ITEM_PATH);
        session.unExportObject(SniNames.MENU_PATH);
    }
}
