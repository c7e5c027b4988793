package org.bondtray.lab.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The benchmark's look at a process, taken at this test's own JVM. */
class ProcSampleTest {

    @Test
    void twoLooksGiveWhatTheProcessCostInBetween() throws Exception {
        long pid = ProcessHandle.current().pid();
        ProcSample before = ProcSample.of(pid);
        long until = System.nanoTime() + 300_000_000L;
        long spin = 0;
        while (System.nanoTime() < until) {
            spin++;
        }
        // Sleeps are voluntary context switches: each one a wakeup later.
        for (int i = 0; i < 20; i++) {
            Thread.sleep(1);
        }
        ProcSample after = ProcSample.of(pid);
        assertTrue(spin > 0);
        assertTrue(before.rssKb() > 10_000, "a JVM's resident memory: " + before);
        assertTrue(before.threads() > 5, "a JVM's threads: " + before);
        assertTrue(before.fds() > 3, "open files: " + before);
        assertTrue(after.cpuSecondsSince(before) >= 0.2, "0.3 s of spinning: " + after.cpuSecondsSince(before));
        assertTrue(after.contextSwitchesSince(before) >= 20, "20 sleeps: " + after.contextSwitchesSince(before));
    }

    /** A thread that ended between the looks takes its count with it; the helper once read -18. */
    @Test
    void aThreadThatEndedInBetweenDoesNotMakeTheCountGoDown() {
        Map<String, Long> before = Map.of("100", 500L, "101", 40L, "102", 900L);
        Map<String, Long> after = Map.of("100", 530L, "101", 46L, "103", 2L);
        assertEquals(30 + 6 + 2, ProcSample.switchesSince(before, after));
    }
}
