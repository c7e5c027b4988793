package org.bondtray.helper.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bondtray.Error.Busy;
import org.bondtray.Error.NotAuthorized;
import org.bondtray.testing.PrivateBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller whose password dialog is never answered: an authority on a test bus that takes the
 * check and never replies stands in for polkit with an agent that never answers (the lab has the
 * real one). The helper keeps threads for everyone else, and lets go when the caller leaves.
 */
class PolkitPatienceTest {
    @TempDir
    Path dir;

    /** polkit's Authority as the stand-in exports it: the same names and arguments. */
    @org.freedesktop.dbus.annotations.DBusInterfaceName(PolkitAuthority.INTERFACE)
    public interface Authority extends org.freedesktop.dbus.interfaces.DBusInterface {
        /** Never answered here, so no result type is needed (dbus-java cannot export polkit's). */
        void CheckAuthorization(Who subject, String actionId, Map<String, String> details, UInt32 flags,
                                String cancellationId);

        void CancelCheckAuthorization(String cancellationId);
    }

    public static final class Who extends org.freedesktop.dbus.Struct {
        @org.freedesktop.dbus.annotations.Position(0)
        public final String kind;
        @org.freedesktop.dbus.annotations.Position(1)
        public final Map<String, org.freedesktop.dbus.types.Variant<String>> details;

        public Who(String kind, Map<String, org.freedesktop.dbus.types.Variant<String>> details) {
            this.kind = kind;
            this.details = details;
        }
    }

    /** Takes every check and answers none; notes the cancels. */
    static final class SilentAuthority implements Authority {
        final CountDownLatch never = new CountDownLatch(1);
        final List<String> cancelled = new CopyOnWriteArrayList<>();

        @Override
        public void CheckAuthorization(Who subject, String actionId, Map<String, String> details, UInt32 flags,
                                       String cancellationId) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void CancelCheckAuthorization(String cancellationId) {
            cancelled.add(cancellationId);
        }

        @Override
        public String getObjectPath() {
            return PolkitAuthority.PATH;
        }
    }

    @Test
    void oneUsersUnansweredChecksAreBoundedAndEndWhenTheCallerLeaves() throws Exception {
        PrivateBus.assumeAvailable();
        try (PrivateBus bus = new PrivateBus(dir)) {
            SilentAuthority silent = new SilentAuthority();
            DBusConnection polkitd = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            polkitd.exportObject(silent);
            polkitd.requestBusName(PolkitAuthority.BUS_NAME);
            DBusConnection helper = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            DBusConnection mallory = DBusConnectionBuilder.forAddress(bus.address()).withShared(false).build();
            Polkit polkit = new Polkit(helper);
            ExecutorService callers = Executors.newFixedThreadPool(Polkit.PENDING_PER_USER + 1);
            try {
                List<Future<?>> waiting = new java.util.ArrayList<>();
                for (int i = 0; i < Polkit.PENDING_PER_USER; i++) {
                    waiting.add(callers.submit(() -> polkit.authorize(mallory.getUniqueName(), "org.bondtray.configure")));
                }
                Thread.sleep(1000);
                // The next is refused at once: the same user (the tests' uid) has its share waiting.
                long t0 = System.nanoTime();
                assertThrows(Busy.class, () -> polkit.authorize(mallory.getUniqueName(), "org.bondtray.configure"));
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "refused without waiting");
                // Her switch is another action: it goes to polkit, not refused behind her configures.
                Future<?> aSwitch = callers.submit(() -> polkit.authorize(mallory.getUniqueName(), "org.bondtray.switch"));
                waiting.add(aSwitch);
                Thread.sleep(1000);
                assertFalse(aSwitch.isDone(), "the switch waits for polkit's answer like any check");

                mallory.disconnect();
                for (Future<?> f : waiting) {
                    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                            () -> f.get(10, TimeUnit.SECONDS));
                    assertTrue(e.getCause() instanceof NotAuthorized && e.getCause().getMessage().contains("left the bus"),
                            String.valueOf(e.getCause()));
                }
                assertEquals(Polkit.PENDING_PER_USER + 1, silent.cancelled.size(), "each check was cancelled at polkit");
            } finally {
                silent.never.countDown();
                callers.shutdownNow();
                helper.disconnect();
                polkitd.disconnect();
            }
        }
    }
}
