package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * dhcpcd's files as the helper reads them: whether a dhcpcd serves a bond (its pid file), and
 * whether it read the configuration the helper wrote (the file's access time).
 */
final class DhcpcdFiles {
    private DhcpcdFiles() {
    }

    /** The dhcpcd serving {@code bond}, by its pid file, if it is alive. */
    static Optional<ProcessHandle> running(Dhcpcd.Paths paths, String bond) {
        Path pidFile = paths.runDir().resolve(bond + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> isDhcpcd(pid));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process (named by dhcpcd's own root-owned pid file) is still dhcpcd and not a
     * reused pid: by the kernel's name for it. Not by /proc/PID/exe: under the helper's unit it
     * holds two capabilities and dhcpcd (in a unit of its own) all of root's, and the kernel lets
     * only a process holding at least the other's see where that link points. Nor by the command
     * line, which dhcpcd rewrites into a title.
     */
    private static boolean isDhcpcd(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.US_ASCII).strip()
                    .equals("dhcpcd");
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code file} is read after it was last written, waiting up to {@code wait}. */
    static boolean readSinceWritten(Path file, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                        java.nio.file.attribute.BasicFileAttributes.class);
                if (a.lastAccessTime().compareTo(a.lastModifiedTime()) > 0) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
            if (System.nanoTime() >= end) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
