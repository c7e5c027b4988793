package org.bondtray.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the lab VM's initramfs as a "newc" cpio archive, the format the kernel unpacks by
 * itself, so the host needs no cpio tool. It holds only busybox, the first init script and the
 * modules needed to reach the host's root over virtio-9p.
 */
final class Initramfs {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int inode = 1;

    Initramfs directory(String name) {
        entry(name, 040755, new byte[0]);
        return this;
    }

    Initramfs file(String name, int mode, byte[] content) {
        entry(name, 0100000 | mode, content);
        return this;
    }

    Initramfs file(String name, int mode, Path source) throws IOException {
        return file(name, mode, Files.readAllBytes(source));
    }

    void writeTo(Path target) throws IOException {
        entry("TRAILER!!!", 0, new byte[0]);
        Files.write(target, out.toByteArray());
    }

    private void entry(String name, int mode, byte[] data) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        long[] fields = {inode++, mode, 0, 0, (mode & 040000) != 0 ? 2 : 1, 0, data.length, 0, 0, 0, 0,
                nameBytes.length, 0};
        StringBuilder header = new StringBuilder("070701");
        for (long f : fields) {
            header.append(String.format("%08x", f));
        }
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nameBytes);
        pad();
        out.writeBytes(data);
        pad();
    }

    private void pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }
}
