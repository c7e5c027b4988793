package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The helper's one thread: the kernel's events go ahead of what is queued, in their own order. */
class WorkerTest {
    @Test
    void anEventOvertakesTheLookQueuedBeforeIt() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (Worker worker = new Worker()) {
            worker.execute("a change under way", () -> {
                busy.countDown();
                await(release);
                ran.add("change");
            });
            assertTrue(busy.await(5, TimeUnit.SECONDS));
            worker.execute("a look an earlier event asked for", () -> ran.add("look"));
            worker.event("the carrier went", () -> ran.add("carrier"));
            worker.event("the active port changed", () -> ran.add("active"));
            worker.execute("the last", done::countDown);
            release.countDown();
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("change", "carrier", "active", "look"), ran,
                "what runs is not interrupted; the events then come before the look, in the kernel's order");
    }

    @Test
    void eventsRunOnTheWorkersThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (Worker worker = new Worker()) {
            worker.event("an event", () -> {
                threads.add(Thread.currentThread().getName());
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of("helper"), threads);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
