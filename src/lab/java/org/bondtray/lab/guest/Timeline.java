package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The demo's story as it happens: one line per event, seconds since the demo began first,
 * appended and flushed at once so the host can print it live from the shared folder.
 */
final class Timeline {
    private final Path file;
    private final long start = System.nanoTime();

    Timeline(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    void say(String format, Object... args) {
        String line = String.format("%6.1f s  %s%n", (System.nanoTime() - start) / 1e9, String.format(format, args));
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
