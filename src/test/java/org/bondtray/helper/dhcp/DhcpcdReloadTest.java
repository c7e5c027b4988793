package org.bondtray.helper.dhcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.bondtray.helper.config.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the helper tells whether dhcpcd reloaded the configuration it wrote: by a read of the file
 * after the write (relatime moves the access time then, once).
 */
class DhcpcdReloadTest {
    @TempDir
    Path dir;

    @Test
    void aFileWrittenAndNotReadIsNotReloaded() throws Exception {
        Path conf = dir.resolve("dhcpcd-bond0.conf");
        AtomicFile.write(conf, "allowinterfaces bond0\n", "rw-r--r--");
        assertFalse(DhcpcdFiles.readSinceWritten(conf, Duration.ofMillis(200)));
    }

    @Test
    void aReadAfterTheWriteCounts() throws Exception {
        Path conf = dir.resolve("dhcpcd-bond0.conf");
        AtomicFile.write(conf, "allowinterfaces bond0\n", "rw-r--r--");
        // The clock's tick on tmpfs and ext4 is a few ms: a read in the same tick looks like none.
        Thread.sleep(20);
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
                Files.readString(conf);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(DhcpcdFiles.readSinceWritten(conf, Duration.ofSeconds(2)));
        reader.join();
        // Written anew: the earlier read no longer counts.
        AtomicFile.write(conf, "allowinterfaces bond0\nnoarp\n", "rw-r--r--");
        assertFalse(DhcpcdFiles.readSinceWritten(conf, Duration.ofMillis(200)));
    }
}
