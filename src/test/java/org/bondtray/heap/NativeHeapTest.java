package org.bondtray.heap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What the helper and the tray do once after their start: the C heap's freed pages go back to the kernel. */
class NativeHeapTest {
    @Test
    void freedCHeapGoesBackToTheKernel() throws IOException {
        // 2 x 32 MB in 64 KB pieces (below glibc's mmap threshold: they come from its heap), all
        // touched, taken turn about from two arenas. Freeing one arena's pieces leaves holes
        // between the other's, which glibc keeps (only memory at the heap's top goes back by
        // itself) until it is trimmed.
        try (Arena kept = Arena.ofConfined()) {
            long before;
            try (Arena freed = Arena.ofConfined()) {
                for (int i = 0; i < 512; i++) {
                    kept.allocate(64 * 1024).fill((byte) 1);
                    freed.allocate(64 * 1024).fill((byte) 1);
                }
            }
            before = rssKb();
            assertTrue(NativeHeap.trim(), "glibc had free pages to give back");
            long after = rssKb();
            assertTrue(before - after >= 16 * 1024, "RSS " + before + " kB -> " + after + " kB");
        }
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
