package org.bondtray.helper.dhcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;

/**
 * Starts dhcpcd as {@code bondtray-dhcpcd@<bond>.service} through systemd's D-Bus API. The
 * helper's own unit allows only the sockets the helper opens itself (SocketFamily: no UDP) and
 * the capabilities they take; dhcpcd needs UDP sockets and more, so it runs in a unit of its
 * own. The unit runs the same argument vector from the same generated configuration; the
 * helper still watches the process.
 */
public final class SystemdLauncher implements Dhcpcd.Launcher {
    public static final String UNIT_TEMPLATE = "bondtray-dhcpcd@.service";
    private static final Duration PID_WAIT = Duration.ofSeconds(10);

    @DBusInterfaceName("org.freedesktop.systemd1.Manager")
    interface Manager extends DBusInterface {
        DBusPath StartUnit(String name, String mode);

        void KillUnit(String name, String whom, int signal);
    }

    private static final int SIGKILL = 9;

    private final DBusConnection bus;

    public SystemdLauncher(DBusConnection bus) {
        this.bus = bus;
    }

    /** Whether systemd is the init system (as sd_booted(3) tells) and the template unit is installed. */
    public static boolean usable() {
        return Files.isDirectory(Path.of("/run/systemd/system"))
                && (Files.exists(Path.of("/usr/lib/systemd/system", UNIT_TEMPLATE))
                || Files.exists(Path.of("/lib/systemd/system", UNIT_TEMPLATE))
                || Files.exists(Path.of("/etc/systemd/system", UNIT_TEMPLATE)));
    }

    @Override
    public ProcessHandle launch(List<String> argv, String bond, Dhcpcd.Paths paths) throws IOException {
        try {
            Manager m = bus.getRemoteObject("org.freedesktop.systemd1", "/org/freedesktop/systemd1", Manager.class);
            m.StartUnit("bondtray-dhcpcd@" + bond + ".service", "replace");
        } catch (DBusException | DBusExecutionException e) {
            throw new IOException("systemd did not start bondtray-dhcpcd@" + bond + ".service: " + e.getMessage(), e);
        }
        long end = System.nanoTime() + PID_WAIT.toNanos();
        while (System.nanoTime() < end) {
            Optional<ProcessHandle> p = DhcpcdFiles.running(paths, bond);
            if (p.isPresent()) {
                return p.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        throw new IOException("bondtray-dhcpcd@" + bond + ".service started but wrote no pid file in "
                + PID_WAIT.toSeconds() + " s");
    }

    /**
     * Every process of the unit, not only the one the pid file names: killed alone, dhcpcd's
     * privilege-separated children, which do not answer SIGTERM either, held the unit in
     * "stopping" for its TimeoutStopSec, and the next start waited for it (2 s of the lab's roam).
     */
    @Override
    public void kill(ProcessHandle p, String bond) {
        try {
            bus.getRemoteObject("org.freedesktop.systemd1", "/org/freedesktop/systemd1", Manager.class)
                    .KillUnit("bondtray-dhcpcd@" + bond + ".service", "all", SIGKILL);
        } catch (DBusException | DBusExecutionException e) {
            // Gone already, or systemd would not: the processes themselves, then.
            Dhcpcd.Launcher.super.kill(p, bond);
        }
    }
}
