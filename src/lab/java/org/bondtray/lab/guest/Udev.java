package org.bondtray.lab.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * udevd for the scenarios whose network manager waits for it: NetworkManager and systemd-networkd
 * take a device into account only once udev has announced it.
 */
final class Udev {
    private Udev() {
    }

    /** Starts udevd and replays every device's "add"; returns the process, to stop with {@link Cmd#stop}. */
    static Process start(Cmd cmd) {
        Process udevd = cmd.start("systemd-udevd", "/lib/systemd/systemd-udevd");
        Wait.until("udevd's control socket", Duration.ofSeconds(30), () -> Files.exists(Path.of("/run/udev/control")));
        cmd.run("udevadm", "trigger", "--action=add");
        cmd.run("udevadm", "settle", "--timeout=60");
        return udevd;
    }
}
