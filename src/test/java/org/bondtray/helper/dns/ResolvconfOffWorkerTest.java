package org.bondtray.helper.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * resolvconf runs off the helper's worker: one that hangs holds up no look and no user's switch,
 * the latest servers reach it once it answers again, and a disable's withdrawal comes after what
 * was queued.
 */
class ResolvconfOffWorkerTest {
    /** Records each call ("resolvconf ARGS" and its input); hangs while a file "hang" is there. */
    private static final String RESOLVCONF = """
            #!/bin/sh
            here="$(dirname "$0")"
            { echo "resolvconf $*"; cat; } >> "$here/calls"
            if [ -e "$here/hang" ]; then echo $$ > "$here/hung"; exec sleep 60; fi
            if [ -e "$here/fail" ]; then rm "$here/fail"; exit 1; fi
            exit 0
            """;

    private static Path resolvconf(Path dir) throws Exception {
        Path p = dir.resolve("resolvconf");
        Files.writeString(p, RESOLVCONF);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static SystemResolver resolver(Path dir) throws Exception {
        // A timeout far past the test's patience: nothing here may wait for it.
        return new SystemResolver(dir.resolve("resolv.conf"), dir.resolve("saved"), Optional.of(resolvconf(dir)),
                Duration.ofSeconds(50));
    }

    private static String calls(Path dir) {
        try {
            return Files.exists(dir.resolve("calls")) ? Files.readString(dir.resolve("calls")) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aHungResolvconfHoldsNothingUpAndTheLatestServersFollow(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("hang"));
        SystemResolver r = resolver(dir);
        long t0 = System.nanoTime();
        r.apply("bond0", List.of("192.168.50.1"), List.of());
        await("resolvconf to hang", () -> Files.exists(dir.resolve("hung")));
        // Two looks while it hangs: only the last one's servers are worth a call.
        r.apply("bond0", List.of("192.168.60.1"), List.of());
        r.apply("bond0", List.of("192.168.70.1"), List.of());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos(),
                "the caller went on while resolvconf hung (its timeout is 50 s)");

        Files.delete(dir.resolve("hang"));
        long hung = Long.parseLong(Files.readString(dir.resolve("hung")).strip());
        ProcessHandle.of(hung).ifPresent(ProcessHandle::destroyForcibly);
        await("the latest servers to reach resolvconf", () -> calls(dir).contains("nameserver 192.168.70.1"));
        assertEquals(List.of("resolvconf -a bond0.bondtray", "nameserver 192.168.50.1", "resolvconf -a bond0.bondtray",
                "nameserver 192.168.70.1"), calls(dir).lines().filter(l -> !l.startsWith("#")).toList(),
                "the call a newer one followed in the queue was skipped");
    }

    @Test
    void aCallThatFailedIsMadeAgainAtTheNextLook(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("fail"));
        SystemResolver r = resolver(dir);
        r.apply("bond0", List.of("192.168.50.1"), List.of());
        await("the first call to fail", () -> !Files.exists(dir.resolve("fail")));
        await("the failure to be taken in", () -> {
            r.apply("bond0", List.of("192.168.50.1"), List.of());
            return calls(dir).lines().filter(l -> l.startsWith("resolvconf -a")).count() == 2;
        });
    }

    @Test
    void aWithdrawalComesAfterWhatWasQueued(@TempDir Path dir) throws Exception {
        SystemResolver r = resolver(dir);
        r.apply("bond0", List.of("192.168.50.1"), List.of());
        r.withdraw("bond0");
        List<String> made = calls(dir).lines().filter(l -> l.startsWith("resolvconf")).toList();
        assertEquals("resolvconf -d bond0.bondtray", made.getLast(), "done when withdraw returns, and last: " + made);
    }
}
