package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel unpacks only well-formed newc archives, and says little when one is not. */
class InitramfsTest {

    @Test
    void writesNewcEntriesAlignedToFourBytesAndATrailer(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("initramfs.cpio");
        new Initramfs().directory("bin").file("init", 0755, "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII))
                .writeTo(out);
        byte[] cpio = Files.readAllBytes(out);
        String text = new String(cpio, StandardCharsets.ISO_8859_1);

        assertEquals(0, cpio.length % 4);
        assertTrue(text.startsWith("070701"));
        int init = text.indexOf("init\0");
        String header = text.substring(init - 110, init);
        assertEquals("070701", header.substring(0, 6));
        assertEquals(0100755, Integer.parseInt(header.substring(14, 22), 16), "mode");
        assertEquals(10, Integer.parseInt(header.substring(54, 62), 16), "file size");
        assertEquals(5, Integer.parseInt(header.substring(94, 102), 16), "name size with its NUL");
        assertEquals(0, (init - 110) % 4, "each header starts on a four-byte boundary");
        assertTrue(text.contains("TRAILER!!!\0"));
    }
}
