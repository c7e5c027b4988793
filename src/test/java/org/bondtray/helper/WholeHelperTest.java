package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.bondtray.api.BondState;
import org.bondtray.api.BondProperties;
import org.bondtray.helper.bus.BondObject;
import org.bondtray.helper.bus.Polkit;
import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.config.ConfigFile;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.dns.SystemResolver;
import org.bondtray.helper.kernel.Link;
import org.bondtray.helper.kernel.MemoryKernel;
import org.bondtray.helper.takeover.Takeover;
import org.bondtray.net.NetSysfs;
import org.bondtray.testing.PrivateBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole helper, every part of it but the kernel: its worker, its event handling, the plan and
 * the apply step, the trial, the configuration file, on a {@link MemoryKernel} that behaves as
 * the bonding driver does. The lab proves the same against the real kernel; this runs in a second
 * and shows which decision broke. A laptop here has a dock's cable (eth0) and a Wi-Fi (wlan0)
 * that some other supplicant keeps associated, so it counts by carrier; no NetworkManager is on
 * its bus.
 */
class WholeHelperTest {
    private static final Duration SETTLE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private PrivateBus bus;
    private DBusConnection connection;
    private MemoryKernel kernel;
    private Helper helper;
    /** The bus object, when the helper's views go to one. */
    private BondObject object;
    private final Recorder published = new Recorder();

    /** What the helper tells the bus, kept in order. */
    static final class Recorder implements Publisher {
        final List<BondView> views = new CopyOnWriteArrayList<>();
        final List<SwitchoverTracker.Switch> switches = new CopyOnWriteArrayList<>();
        final List<String> rollbacks = new CopyOnWriteArrayList<>();

        @Override
        public void publish(BondView view) {
            views.add(view);
        }

        @Override
        public void switchover(SwitchoverTracker.Switch change) {
            switches.add(change);
        }

        @Override
        public void rolledBack(String reason) {
            rollbacks.add(reason);
        }

        BondView last() {
            return views.getLast();
        }
    }

    @BeforeEach
    void machine() throws Exception {
        PrivateBus.assumeAvailable();
        bus = new PrivateBus(dir.resolve("bus"));
        connection = DBusConnectionBuilder.forAddress(bus.address()).build();
        kernel = new MemoryKernel(dir.resolve("sys"));
        kernel.ethernet("eth0", true);
        kernel.wifi("wlan0", true);
    }

    private void start() throws Exception {
        start(false);
    }

    /** Starts the helper; its views go to the bus object, as in the daemon, or to the recorder. */
    private void start(boolean busObject) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        helper = new Helper(new ConfigFile(dir.resolve("etc")), new NetSysfs(dir.resolve("sys")),
                new Dhcpcd.Paths(dir.resolve("no-dhcpcd"), run, run, run), Dhcpcd.CHILD,
                new SystemResolver(dir.resolve("resolv.conf"), run.resolve("resolv.conf.before"), Optional.empty()),
                kernel);
        object = busObject ? new BondObject(connection, helper, new Polkit(connection), "bond0") : null;
        Publisher to = busObject ? object : published;
        helper.start(to, null, new Takeover(connection, dir.resolve("etc")));
    }

    @AfterEach
    void stop() throws Exception {
        if (helper != null) {
            helper.close();
        }
        if (kernel != null) {
            kernel.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    private static BondConfig laptop() {
        return new BondConfig("bond0", List.of("eth0", "wlan0"), Preference.WIRED, "", 100, 0, 0, Addressing.STATIC,
                List.of("192.168.50.10/24"), List.of(), List.of(), List.of(), 0, "");
    }

    /** {@link #laptop()} with the bond's updelay set to {@code ms}. */
    private static BondConfig laptopWithUpDelay(int ms) {
        BondConfig c = laptop();
        return new BondConfig(c.bond(), c.ports(), c.preference(), c.primary(), c.miimon(), ms, 0, c.addressing(),
                c.addresses(), c.gateways(), c.dns(), c.routes(), c.routeMetric(), c.fallback());
    }

    private void setup(BondConfig c) {
        change(() -> helper.setup(c, 0));
    }

    /** Waits for a view that {@code wanted}; the last one is in the failure's message. */
    private BondView await(String what, Predicate<BondView> wanted) throws Exception {
        return await(what, () -> published.views.isEmpty() ? Optional.<BondView>empty()
                : Optional.of(published.last()).filter(wanted), () -> "last view: "
                + (published.views.isEmpty() ? "none" : published.last()));
    }

    private SwitchoverTracker.Switch awaitSwitch(String from, String to) throws Exception {
        return await("a Switchover " + from + " -> " + to, () -> published.switches.stream()
                .filter(w -> w.from().equals(from) && w.to().equals(to)).findFirst(), () -> "said: " + published.switches);
    }

    /** Waits, with the kernel's events delivered, until {@code found} finds something; {@code seen} says what was instead. */
    private <T> T await(String what, Supplier<Optional<T>> found, Supplier<String> seen) throws Exception {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < end) {
            kernel.drain();
            Optional<T> f = found.get();
            if (f.isPresent()) {
                return f.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + what + "; " + seen.get());
    }

    /** What a bus call does: {@code step} as a change on the helper's worker. */
    private void change(Step step) {
        helper.change(() -> {
            step.run();
            return null;
        });
    }

    interface Step {
        void run() throws Exception;
    }

    @Test
    void withNothingConfiguredItSaysSoAndTouchesNothing() throws Exception {
        start();
        BondView v = await("unconfigured", x -> x.state() == BondState.UNCONFIGURED);
        assertTrue(v.reason().contains("bondtray setup"), v.reason());
        assertTrue(kernel.find("bond0").isEmpty());
        // Finding out that the kernel can bond made and removed a throwaway bond, nothing else.
        assertEquals(List.of("createBond bondtray-probe", "delete bondtray-probe"), kernel.requests());
        Refusal none = assertThrows(Refusal.class, () -> change(() -> helper.switchTo("wlan0")));
        assertEquals(Refusal.Kind.NOT_FOUND, none.kind(), none.getMessage());
    }

    @Test
    void setupMakesTheBondWithTheCableLeading() throws Exception {
        start();
        setup(laptop());
        BondView v = await("the bond up on the cable", x -> x.state() == BondState.UP && x.activePort().equals("eth0"));
        Link bond = kernel.find("bond0").orElseThrow();
        assertEquals(bond.index(), kernel.find("eth0").orElseThrow().master());
        assertEquals(bond.index(), kernel.find("wlan0").orElseThrow().master());
        assertEquals(kernel.find("eth0").orElseThrow().index(), bond.bond().primaryIndex());
        assertEquals(List.of("192.168.50.10/24"), kernel.addressesOf("bond0"));
        assertEquals(List.of("192.168.50.10/24"), v.addresses());
        // The cable joins first: it carries traffic while the Wi-Fi re-associates.
        List<String> asked = kernel.requests();
        assertTrue(asked.indexOf("enslave eth0 bond0") < asked.indexOf("enslave wlan0 bond0"), asked.toString());
        assertTrue(Files.readString(dir.resolve("etc").resolve(ConfigFile.NAME)).contains("wlan0"));
        assertEquals(List.of(), published.rollbacks);
    }

    @Test
    void aPulledCableIsSaidOnceAndThePlugBringsItBack() throws Exception {
        start();
        setup(laptop());
        await("on the cable", x -> "eth0".equals(x.activePort()));
        int before = published.switches.size();

        kernel.cable("eth0", false);
        SwitchoverTracker.Switch away = awaitSwitch("eth0", "wlan0");
        assertEquals("cable-unplugged", away.reason());
        BondView onWifi = await("on the Wi-Fi, degraded", x -> "wlan0".equals(x.activePort())
                && x.state() == BondState.DEGRADED);
        assertTrue(onWifi.reason().contains("cable unplugged"), onWifi.reason());
        // The address is the bond's: it stays through the switchover.
        assertEquals(List.of("192.168.50.10/24"), kernel.addressesOf("bond0"));

        kernel.cable("eth0", true);
        SwitchoverTracker.Switch back = awaitSwitch("wlan0", "eth0");
        assertEquals("cable-plugged", back.reason());
        await("back on the cable", x -> "eth0".equals(x.activePort()) && x.state() == BondState.UP);
        assertEquals(before + 2, published.switches.size(), published.switches.toString());
    }

    /**
     * The helper moves traffic the moment a carrier goes; if the cable is back before the bond's
     * link check saw it go, the kernel would keep the Wi-Fi for good, so the helper has it choose
     * again, but only once the cable has stayed in for updelay, as the kernel itself would wait.
     * A cable toggling faster than that is one switchover away and one back, as in the lab.
     */
    @Test
    void aCableFasterThanTheLinkCheckComesBackAfterUpDelayOnly() throws Exception {
        start();
        setup(laptopWithUpDelay(2000));
        await("on the cable", x -> "eth0".equals(x.activePort()));
        int before = published.switches.size();

        kernel.cableUnnoticed("eth0", false);
        awaitSwitch("eth0", "wlan0");
        for (int i = 0; i < 3; i++) {
            kernel.cableUnnoticed("eth0", true);
            kernel.drain();
            Thread.sleep(100);
            kernel.cableUnnoticed("eth0", false);
            kernel.drain();
        }
        kernel.cableUnnoticed("eth0", true);
        kernel.drain();
        assertEquals("wlan0", kernel.activePort("bond0"), "the cable took traffic back before updelay");

        awaitSwitch("wlan0", "eth0");
        assertEquals("eth0", kernel.activePort("bond0"));
        assertEquals(before + 2, published.switches.size(), published.switches.toString());
    }

    /**
     * A cable back within the window that counts as a race with the move, but with an updelay that
     * ends after that window: the wait still ends with the cable carrying, as it would had the
     * kernel seen the cable go.
     */
    @Test
    void aCableBackJustInTimeIsTakenBackAfterALongUpDelay() throws Exception {
        start();
        setup(laptopWithUpDelay(4900));
        await("on the cable", x -> "eth0".equals(x.activePort()));

        kernel.cableUnnoticed("eth0", false);
        awaitSwitch("eth0", "wlan0");
        Thread.sleep(300);
        kernel.cableUnnoticed("eth0", true);
        kernel.drain();
        Thread.sleep(4000);
        assertEquals("wlan0", kernel.activePort("bond0"), "the cable took traffic back before updelay");

        awaitSwitch("wlan0", "eth0");
        assertEquals("eth0", kernel.activePort("bond0"));
    }

    /**
     * The bus object waits 250 ms between two PropertiesChanged and then sends what changed
     * meanwhile; that wait is one of the worker's timers, so the helper keeps no thread of its own
     * for it, and what a client hears last is the bond as it is.
     */
    @Test
    void propertyChangesAreCoalescedOnTheWorker() throws Exception {
        List<String> states = new CopyOnWriteArrayList<>();
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bus.address()).build();
             AutoCloseable sub = client.addSigHandler(Properties.PropertiesChanged.class, s -> {
                 var state = s.getPropertiesChanged().get(BondProperties.STATE);
                 if (state != null) {
                     states.add(state.getValue().toString());
                 }
             })) {
            start(true);
            setup(laptop());
            kernel.cable("eth0", false);
            kernel.cable("eth0", true);
            await("a client hearing the bond up", () -> states.isEmpty() ? Optional.<String>empty()
                    : Optional.of(states.getLast()).filter("up"::equals), states::toString);
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("properties-changed")),
                "a thread of the bus object's own");
    }

    /**
     * Every PropertiesChanged carries the next Revision, and a read says the last one sent, having
     * sent first what was held back: a client that reads and then follows the signals can tell
     * which of them its read holds already.
     */
    @Test
    void everyChangeIsNumberedAndAReadSaysTheLastNumber() throws Exception {
        List<Long> revisions = new CopyOnWriteArrayList<>();
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bus.address()).build();
             AutoCloseable sub = client.addSigHandler(Properties.PropertiesChanged.class, s -> {
                 var r = s.getPropertiesChanged().get(BondProperties.REVISION);
                 revisions.add(r == null ? -1L : ((Number) r.getValue()).longValue());
             })) {
            start(true);
            setup(laptop());
            kernel.cable("eth0", false);
            long read = ((Number) object.GetAll(org.bondtray.api.BondtrayBus.BOND_INTERFACE).get(BondProperties.REVISION).getValue())
                    .longValue();
            assertTrue(read > 0, "the read's revision: " + read);
            await("a client hearing the revision the read said", () -> Optional.of(read).filter(revisions::contains),
                    revisions::toString);
            kernel.cable("eth0", true);
            await("a client hearing a later revision", () -> Optional.of(revisions.getLast()).filter(r -> r > read),
                    revisions::toString);
            assertEquals(java.util.stream.LongStream.rangeClosed(1, revisions.size()).boxed().toList(), revisions,
                    "one revision after another");
        }
    }

    @Test
    void anAdapterPluggedInAgainJoinsByItself() throws Exception {
        start();
        setup(laptop());
        await("on the cable", x -> "eth0".equals(x.activePort()));

        kernel.unplug("eth0");
        await("eth0 missing", x -> "wlan0".equals(x.activePort()) && x.reason().contains("adapter not present"));
        int index = kernel.ethernet("eth0", true);

        await("the new eth0 leads again", x -> "eth0".equals(x.activePort()) && x.state() == BondState.UP);
        Link bond = kernel.find("bond0").orElseThrow();
        assertEquals(bond.index(), kernel.find("eth0").orElseThrow().master());
        assertEquals(index, bond.bond().primaryIndex());
    }

    @Test
    void switchToMovesTrafficAndSaysTheUserAsked() throws Exception {
        start();
        setup(laptop());
        await("on the cable", x -> "eth0".equals(x.activePort()));

        change(() -> helper.switchTo("wlan0"));
        assertEquals("user-request", awaitSwitch("eth0", "wlan0").reason());
        assertEquals("wlan0", kernel.activePort("bond0"));

        Refusal bad = assertThrows(Refusal.class, () -> change(() -> helper.switchTo("eth9")));
        assertEquals(Refusal.Kind.INVALID_ARGS, bad.kind(), bad.getMessage());
    }

    @Test
    void disableGivesThePortsBackAsTheyWere() throws Exception {
        start();
        setup(laptop());
        await("on the cable", x -> "eth0".equals(x.activePort()));

        change(helper::disable);
        await("no bond", x -> x.state() == BondState.UNCONFIGURED);
        assertTrue(kernel.find("bond0").isEmpty());
        for (String port : List.of("eth0", "wlan0")) {
            Link l = kernel.find(port).orElseThrow();
            assertEquals(0, l.master(), port);
            assertTrue(l.up(), port + " is up again");
        }
        assertFalse(Files.exists(dir.resolve("etc").resolve(ConfigFile.NAME)));
    }

    @Test
    void aRefusedSetupChangesNothing() throws Exception {
        start();
        List<String> before = kernel.requests();
        BondConfig typo = new BondConfig("bond0", List.of("eth0", "eth9"), Preference.WIRED, "", 100, 0, 0,
                Addressing.STATIC, List.of("192.168.50.10/24"), List.of(), List.of(), List.of(), 0, "");
        Refusal r = assertThrows(Refusal.class, () -> setup(typo));
        assertEquals(Refusal.Kind.INVALID_ARGS, r.kind(), r.getMessage());
        assertEquals(before, kernel.requests());
        assertFalse(Files.exists(dir.resolve("etc").resolve(ConfigFile.NAME)));
    }

    @Test
    void aRestartedHelperAdoptsTheBondWithoutASwitchover() throws Exception {
        start();
        setup(laptop());
        await("on the cable", x -> "eth0".equals(x.activePort()));
        helper.close();
        helper = null;
        int asked = kernel.requests().size();
        published.views.clear();
        published.switches.clear();

        start();
        BondView v = await("adopted", x -> "eth0".equals(x.activePort()) && x.state() == BondState.UP);
        assertEquals(List.of("192.168.50.10/24"), v.addresses());
        assertEquals(List.of(), published.switches, kernel.requests().subList(asked, kernel.requests().size()).toString());
        // Nothing was made again: the bond is taken as it is.
        assertFalse(kernel.requests().subList(asked, kernel.requests().size()).stream()
                .anyMatch(r -> r.startsWith("createBond") || r.startsWith("enslave")), kernel.requests().toString());
    }

    @Test
    void aKernelWithoutBondingIsSaidAndSetupRefused() throws Exception {
        kernel.withoutBonding();
        start();
        BondView v = await("unsupported", x -> x.state() == BondState.UNSUPPORTED);
        assertTrue(v.reason().contains("no bonding driver"), v.reason());
        Refusal r = assertThrows(Refusal.class, () -> setup(laptop()));
        assertEquals(Refusal.Kind.UNSUPPORTED, r.kind());
        assertTrue(kernel.find("bond0").isEmpty());
    }

    @Test
    void aStoppedHelperLeavesNoTimerBehind() throws Exception {
        start();
        setup(laptop());
        await("on the cable", x -> "eth0".equals(x.activePort()));
        // A switchover opens the standby window, and a timer shuts it 5 s later.
        kernel.cable("eth0", false);
        awaitSwitch("eth0", "wlan0");
        await("the standby window open", x -> kernel.find("bond0").orElseThrow().bond().allPortsDeliver());
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try {
            helper.close();
            helper = null;
            int asked = kernel.requests().size();
            Thread.sleep(StandbyWindow.OPEN_NANOS / 1_000_000 + 500);
            assertEquals(List.of(), uncaught, "a timer of the stopped helper fired");
            assertEquals(asked, kernel.requests().size(), "the stopped helper asked the kernel: " + kernel.requests());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
