package org.bondtray.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real dbus-daemon on a socket of the test's own, standing in for the system bus: every name
 * may be owned and every call made, so tests reach the helper exactly as clients do.
 */
public final class PrivateBus implements AutoCloseable {
    private final Process daemon;
    private final String address;

    public PrivateBus(Path dir) throws IOException {
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>custom</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <servicedir>%s</servicedir>
                  <policy context="default">
                    <allow user="*"/>
                    <allow own="*"/>
                    <allow send_type="method_call"/>
                    <allow send_type="signal"/>
                    <allow send_type="method_return"/>
                    <allow send_type="error"/>
                    <allow receive_type="method_call"/>
                    <allow receive_type="signal"/>
                    <allow receive_type="method_return"/>
                    <allow receive_type="error"/>
                  </policy>
                </busconfig>
                """.formatted(dir.resolve("bus.socket"), serviceDir(dir)));
        daemon = new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--print-address")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new IOException("dbus-daemon did not start");
        }
        address = line.strip();
    }

    /**
     * Where a test puts {@code NAME.service} files for the bus to start on a call to NAME, the
     * way the system bus activates the helper.
     */
    public static Path serviceDir(Path dir) throws IOException {
        return Files.createDirectories(dir.resolve("services"));
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/dbus-daemon"));
    }

    /** Skips the calling test, saying what to install, on a machine without dbus-daemon. */
    public static void assumeAvailable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(available(), "needs dbus-daemon (Debian package dbus-daemon)");
    }

    public String address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        daemon.destroy();
        daemon.waitFor(5, TimeUnit.SECONDS);
    }
}
