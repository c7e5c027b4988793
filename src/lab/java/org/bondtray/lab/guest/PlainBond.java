package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bond made the way the wikis make it, with ip and sysfs: what the lab uses before (and to
 * compare with) the helper. Active-backup, {@code fail_over_mac=active} because a Wi-Fi port
 * cannot take a foreign MAC while associated.
 */
final class PlainBond {
    static final String NAME = "bond0";
    private final Cmd cmd;

    PlainBond(Cmd cmd) {
        this.cmd = cmd;
    }

    /** Creates the bond with {@code primary} preferred; Wi-Fi ports are enslaved after the wire. */
    void create(String primary, String... ports) {
        // Two gratuitous ARPs / unsolicited NAs, a link-monitor tick apart: the kernel may use up a
        // single one without sending it (a peer notification deferred to the link monitor is
        // counted even when the monitor cannot take the RTNL lock), and the router then keeps
        // the old MAC for seconds.
        cmd.run("ip", "link", "add", NAME, "type", "bond", "mode", "active-backup", "miimon", "100",
                "fail_over_mac", "active", "num_grat_arp", "2", "num_unsol_na", "2");
        for (String port : ports) {
            // A port must be down to be enslaved; enslaving an associated Wi-Fi port drops the
            // association and wpa_supplicant makes it again by itself.
            cmd.run("ip", "link", "set", port, "down");
            cmd.run("ip", "link", "set", port, "master", NAME);
        }
        write("primary", primary);
        cmd.run("ip", "link", "set", NAME, "up");
    }

    /** Whether the standby port hands what it receives to the bond (all_slaves_active). */
    void standbyDelivers(boolean delivers) {
        write("all_slaves_active", delivers ? "1" : "0");
    }

    String activePort() {
        return read("active_slave");
    }

    boolean exists() {
        return Files.exists(Path.of("/sys/class/net", NAME));
    }

    void delete() {
        if (exists()) {
            cmd.run("ip", "link", "del", NAME);
        }
    }

    private String read(String attribute) {
        try {
            return Files.readString(Path.of("/sys/class/net", NAME, "bonding", attribute)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String attribute, String value) {
        cmd.note("# echo " + value + " > /sys/class/net/" + NAME + "/bonding/" + attribute);
        try {
            Files.writeString(Path.of("/sys/class/net", NAME, "bonding", attribute), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
