package org.bondtray.helper.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink layer against the host's real kernel, inside a network namespace of the test's
 * own (so nothing of the machine is touched). A socket belongs to the namespace of the thread
 * that opened it, so every kernel call runs on one thread that moved there first. The bond
 * itself is proven in the lab; this kernel has no bonding driver, which is a case to handle too.
 */
class RtnetlinkTest {
    private ExecutorService netns;
    private Rtnetlink rt;

    @BeforeEach
    void privateNetwork() throws Exception {
        netns = Executors.newSingleThreadExecutor();
        String refused = in(() -> {
            try {
                Libc.unshare(Libc.CLONE_NEWNET);
                return null;
            } catch (Libc.ErrnoException e) {
                return e.getMessage();
            }
        });
        Assumptions.assumeTrue(refused == null,
                "needs root for a private network namespace (" + refused + "); run the tests as root");
        rt = in(Rtnetlink::new);
    }

    @AfterEach
    void close() throws Exception {
        if (rt != null) {
            in(() -> {
                rt.close();
                return null;
            });
        }
        netns.shutdownNow();
    }

    /** Runs {@code call} on the thread inside the namespace; its exception is rethrown as is. */
    private <T> T in(Callable<T> call) throws Exception {
        try {
            return netns.submit(call).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @Test
    void listsTheLoopbackOfAFreshNamespace() throws Exception {
        Link lo = in(() -> rt.link("lo")).orElseThrow();
        assertEquals(1, lo.index());
        assertFalse(lo.up(), "a new namespace starts with lo down");
        assertEquals(0, lo.master());
    }

    /**
     * With nothing happening in the namespace, the events thread sleeps: no receive timeout that
     * wakes it to look at a flag (it woke twice a second before). Counted by the kernel's own
     * tally of the thread's context switches, not by a clock.
     */
    @Test
    void theEventsThreadSleepsWhileNothingHappensAndStopsWhenClosed() throws Exception {
        List<Path> others = eventsTasks();
        KernelEvents events = in(() -> new KernelEvents(onLinks(link -> { })));
        Path task = null;
        try {
            Thread.sleep(300);
            task = eventsTasks().stream().filter(t -> !others.contains(t)).findFirst().orElseThrow();
            long before = switches(task);
            Thread.sleep(2000);
            assertTrue(switches(task) - before <= 1, "the events thread woke " + (switches(task) - before)
                    + " times in 2 s with nothing happening");
        } finally {
            events.close();
        }
        // join() returns when the Java thread is done; the kernel's task goes a moment later.
        for (int i = 0; i < 50 && Files.exists(task); i++) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(task), "close() ended the events thread");
    }

    /** A listener that hands each changed link to {@code links} and ignores the rest. */
    private static KernelEvents.Listener onLinks(java.util.function.Consumer<Link> links) {
        return new KernelEvents.Listener() {
            @Override
            public void linkChanged(Link link, long receivedNanos) {
                links.accept(link);
            }

            @Override
            public void linkRemoved(int index, String name, long receivedNanos) {
            }

            @Override
            public void addressingChanged() {
            }

            @Override
            public void resync() {
            }
        };
    }

    /** The threads of this JVM that the kernel knows by the events thread's name. */
    private static List<Path> eventsTasks() throws IOException {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals(KernelEvents.THREAD);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }

    private static long switches(Path task) throws IOException {
        return Files.readAllLines(task.resolve("status")).stream()
                .filter(l -> l.startsWith("voluntary_ctxt_switches:") || l.startsWith("nonvoluntary_ctxt_switches:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).sum();
    }

    @Test
    void bringsALinkUpAndHearsTheKernelSaySo() throws Exception {
        BlockingQueue<Link> changes = new LinkedBlockingQueue<>();
        KernelEvents events = in(() -> new KernelEvents(onLinks(changes::add)));
        try {
            in(() -> {
                rt.setUp(1, true);
                return null;
            });
            Link event = changes.poll(5, TimeUnit.SECONDS);
            assertEquals("lo", event.name());
            assertTrue(event.up());
            assertTrue(in(() -> rt.link("lo")).orElseThrow().up());
        } finally {
            events.close();
        }
    }

    @Test
    void aKernelWithoutTheBondingDriverSaysUnsupported() throws Exception {
        boolean hasBonding = Files.exists(Path.of("/sys/module/bonding"))
                || Files.exists(Path.of("/sys/class/net/bonding_masters"));
        Assumptions.assumeFalse(hasBonding, "this kernel has the bonding driver; the lab covers bonds");
        NetlinkException e = assertThrows(NetlinkException.class, () -> in(() -> {
            rt.createBond("bond0", new Kernel.BondSettings(100, 0, 0, 1));
            return null;
        }));
        assertTrue(e.unsupported(), e.getMessage());
    }

    @Test
    void aRefusedRequestCarriesTheKernelsReason() throws Exception {
        NetlinkException e = assertThrows(NetlinkException.class, () -> in(() -> {
            rt.setUp(9999, true);
            return null;
        }));
        assertTrue(e.noSuchDevice(), e.getMessage());
        assertTrue(e.getMessage().contains("bring up link 9999"), e.getMessage());
    }

    @Test
    void addressesAndRoutesGoOnAndComeOffAgain() throws Exception {
        java.net.InetAddress address = java.net.InetAddress.getByName("10.9.0.1");
        java.net.InetAddress network = java.net.InetAddress.getByName("10.20.0.0");
        java.net.InetAddress gateway = java.net.InetAddress.getByName("10.9.0.254");
        in(() -> {
            rt.setUp(1, true);
            rt.addAddress(1, address, 24);
            rt.setRoute(1, network, 16, gateway, 300);
            return null;
        });
        assertTrue(in(() -> rt.addresses(1)).stream().anyMatch(a -> a.text().equals("10.9.0.1/24")));
        Kernel.Route route = in(() -> rt.routes(1)).stream().filter(r -> r.destination().equals("10.20.0.0/16"))
                .findFirst().orElseThrow();
        assertEquals("10.9.0.254", route.gateway());
        assertEquals(300, route.metric());
        assertTrue(route.isStatic() && !route.isDefault());
        assertTrue(in(() -> rt.routes(0)).contains(route), "0 lists the routes of every link");
        in(() -> {
            rt.deleteRoute(1, network, 16, gateway, 300);
            rt.deleteAddress(1, address, 24);
            return null;
        });
        assertTrue(in(() -> rt.routes(1)).stream().noneMatch(r -> r.destination().equals("10.20.0.0/16")));
        assertTrue(in(() -> rt.addresses(1)).stream().noneMatch(a -> a.text().equals("10.9.0.1/24")));
        in(() -> {
            // Gone already (the kernel drops a route with its address): no error.
            rt.deleteRoute(1, network, 16, gateway, 300);
            rt.deleteAddress(1, address, 24);
            return null;
        });
    }
}
