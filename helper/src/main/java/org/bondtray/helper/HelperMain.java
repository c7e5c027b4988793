package org.bondtray.helper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.bondtray.api.BondtrayBus;
import org.bondtray.heap.NativeHeap;
import org.bondtray.helper.bus.BondObject;
import org.bondtray.helper.bus.Polkit;
import org.bondtray.helper.bus.SignatureGuard;
import org.bondtray.helper.config.ConfigFile;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.dhcp.SystemdLauncher;
import org.bondtray.helper.dns.SystemResolver;
import org.bondtray.helper.kernel.Kernel;
import org.bondtray.net.NetSysfs;
import org.bondtray.helper.takeover.Takeover;
import org.bondtray.helper.wifi.WifiWatcher;
import org.bondtray.logind.SleepWatch;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;

/**
 * {@code bondtray-helper}: the privileged daemon. Exports its object before taking the bus name,
 * so a caller woken by D-Bus activation always finds it.
 *
 * <pre>bondtray-helper [--config-dir DIR] [--bus ADDRESS]</pre>
 */
public final class HelperMain {
    private static final Logger LOG = Logger.getLogger(HelperMain.class.getName());
    /** When the start's garbage is freed and the C heap is worth trimming. */
    private static final Duration STARTUP_SETTLES = Duration.ofSeconds(10);

    private HelperMain() {
    }

    /** A running helper, for tests that start one in-process on a private bus. */
    public record Running(DBusConnection bus, Helper helper) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            helper.close();
            bus.close();
        }
    }

    public static Running start(String busAddress, Path configDir, NetSysfs sysfs) throws Exception {
        return start(busAddress, configDir, sysfs, Dhcpcd.Paths.system(), SystemResolver.system());
    }

    public static Running start(String busAddress, Path configDir, NetSysfs sysfs, Dhcpcd.Paths dhcpcd,
                                SystemResolver resolver) throws Exception {
        // Method calls may wait for a password on some of these threads (Polkit bounds how many).
        DBusConnection bus = (busAddress == null ? DBusConnectionBuilder.forSystemBus()
                : DBusConnectionBuilder.forAddress(busAddress)).receivingThreadConfig()
                .withMethodCallThreadCount(Polkit.METHOD_CALL_THREADS).connectionConfig().build();
        resolver.useResolvedOn(bus);
        Dhcpcd.Launcher launcher = SystemdLauncher.usable() ? new SystemdLauncher(bus) : Dhcpcd.CHILD;
        Helper helper = new Helper(new ConfigFile(configDir), sysfs, dhcpcd, launcher, resolver,
                Kernel.Source.SYSTEM);
        BondObject object = new BondObject(bus, helper, new Polkit(bus), BondtrayBus.DEFAULT_BOND);
        WifiWatcher wifi = new WifiWatcher(bus, configDir.resolve("wpa_supplicant.conf"), helper::wifiChanged,
                helper::wifiRestarted);
        // A file an older version or wpa_supplicant left readable is closed before anything else.
        wifi.keepSecret();
        helper.start(object, wifi, new Takeover(bus, configDir));
        // Closed with the bus.
        SleepWatch.follow(bus, helper::sleeping);
        bus.exportObject(object.getObjectPath(), object);
        SignatureGuard.install(bus, object.getObjectPath(), object);
        bus.requestBusName(BondtrayBus.BUS_NAME);
        return new Running(bus, helper);
    }

    public static void main(String[] args) throws Exception {
        String address = null;
        Path configDir = Path.of("/etc/bondtray");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bus" -> address = args[++i];
                case "--config-dir" -> configDir = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bondtray-helper [--config-dir DIR] [--bus ADDRESS]");
                    System.exit(2);
                }
            }
        }
        JournalFormat.install();
        long start = System.nanoTime();
        Running running = start(address, configDir, NetSysfs.system());
        BondView v = running.helper().view();
        LOG.info(String.format("on the bus as %s after %d ms; %s is %s%s", BondtrayBus.BUS_NAME,
                (System.nanoTime() - start) / 1_000_000, v.name(), v.state().wire(),
                v.reason().isEmpty() ? "" : " (" + v.reason() + ")"));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception ignored) {
                // the kernel keeps the bond; nothing to undo
            }
            stop.countDown();
        }));
        // Once the start has settled: what it freed goes back to the kernel (65 -> 59 MB RSS on
        // the host), with no periodic trim waking the helper later.
        if (!stop.await(STARTUP_SETTLES.toMillis(), TimeUnit.MILLISECONDS)) {
            NativeHeap.trim();
            stop.await();
        }
    }
}
