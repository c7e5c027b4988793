package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildProcessTest {
    /**
     * A child that hangs with its output open (a resolvconf waiting on a lock, a dhcpcd that
     * never answers) is killed at the timeout; the caller is not held until it ends by itself.
     */
    @Test
    void aHungChildIsKilledAtTheTimeout() {
        long t0 = System.nanoTime();
        assertThrows(ChildProcess.TimedOut.class,
                () -> ChildProcess.run(List.of("sleep", "60"), "", Duration.ofMillis(500)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 30_000, "returned after " + ms + " ms, long before the child would have ended");
    }

    @Test
    void inputGoesInAndOutputComesBack() throws Exception {
        ChildProcess.Result r = ChildProcess.run(List.of("cat"), "nameserver 192.0.2.1\n", Duration.ofSeconds(10));
        assertEquals(0, r.exit());
        assertEquals("nameserver 192.0.2.1", r.output());
        assertEquals(1, ChildProcess.run(List.of("false"), "", Duration.ofSeconds(10)).exit());
    }
}
