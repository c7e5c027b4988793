package org.bondtray.helper.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The exit of a process the helper did not start, learned from a pidfd rather than by polling. */
class ProcessExitTest {
    @Test
    void theExitOfAnotherParentsProcessIsHeardFromItsPidfd() throws Exception {
        // sh starts a sleep in the background and exits: the sleep is nobody's child of ours.
        Process sh = new ProcessBuilder("sh", "-c", "sleep 1.5 >/dev/null 2>&1 & echo $!").start();
        long pid = Long.parseLong(new String(sh.getInputStream().readAllBytes()).strip());
        sh.waitFor();
        ProcessHandle sleeper = ProcessHandle.of(pid).orElseThrow();
        assertFalse(sleeper.parent().map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false));

        CompletableFuture<Void> exited = ProcessExit.of(sleeper);
        assertFalse(exited.isDone(), "still sleeping");
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("exit-of-" + pid)),
                "one thread waits in poll(2) on its pidfd");
        // Readable at the exit itself; whether the zombie is reaped then is its new parent's business.
        exited.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aProcessAlreadyGoneIsGoneAtOnce() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertTrue(ProcessExit.of(p.toHandle()).isDone());
    }
}
