package org.bondtray.lab.guest;

/**
 * udev runs from boot as on a laptop. NetworkManager and systemd-networkd take a device into
 * account only once udev has announced it, so their scenarios wait until it has handled every
 * device the lab made.
 */
final class Udev {
    private Udev() {
    }

    static void settle(Cmd cmd) {
        cmd.run("udevadm", "settle", "--timeout=60");
    }
}
