package org.bondtray.helper.dns;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import org.bondtray.helper.ChildProcess;
import org.bondtray.helper.config.AtomicFile;
import org.freedesktop.dbus.connections.impl.DBusConnection;

/**
 * Hands the bond's name servers to the system resolver, in the first way that applies when they
 * arrive: to systemd-resolved over D-Bus when it runs (as the bond link's servers, merged by
 * resolved with every other link's); through resolvconf when it is installed (it merges them with
 * other sources); otherwise by writing resolv.conf (atomically where /etc is writable). A
 * resolv.conf that is a symbolic link belongs to someone else (systemd-resolved's stub,
 * NetworkManager) and is left alone. What the helper gave is taken back, the same way, when the
 * bond goes away.
 *
 * <p>Used on the helper's worker alone, which owns the helper's state: it has no lock.
 */
public final class SystemResolver {
    private static final Logger LOG = Logger.getLogger(SystemResolver.class.getName());
    /** glibc reads at most three name servers. */
    private static final int MAX_SERVERS = 3;
    private static final List<Path> RESOLVCONF = List.of(Path.of("/usr/sbin/resolvconf"), Path.of("/sbin/resolvconf"));

    private final Path resolvConf;
    private final Path saved;
    private final Optional<Path> resolvconf;
    private Optional<ResolvedLink> resolved = Optional.empty();
    private String applied = "";
    /** How the servers in {@link #applied} went to the system. */
    private Via via = Via.NOWHERE;

    private enum Via { NOWHERE, RESOLVED, RESOLVCONF, FILE }

    /**
     * @param resolvConf the file the resolver reads
     * @param saved      where the file as it was before the helper wrote it is kept
     * @param resolvconf the resolvconf program, if it is to be used
     */
    public SystemResolver(Path resolvConf, Path saved, Optional<Path> resolvconf) {
        this.resolvConf = resolvConf;
        this.saved = saved;
        this.resolvconf = resolvconf;
    }

    public static SystemResolver system() {
        return new SystemResolver(Path.of("/etc/resolv.conf"), Path.of("/run/bondtray/resolv.conf.before"),
                resolvconf(RESOLVCONF));
    }

    /**
     * The first of {@code candidates} that is a resolvconf of its own (openresolv, Debian's).
     * systemd's resolvconf is resolvectl under another name: it works only while resolved runs,
     * and then the helper talks to resolved directly.
     */
    static Optional<Path> resolvconf(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).filter(p -> !isResolvectl(p)).findFirst();
    }

    private static boolean isResolvectl(Path p) {
        try {
            return p.toRealPath().getFileName().toString().equals("resolvectl");
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks systemd-resolved over {@code bus}, whenever it runs, before any other way. */
    public void useResolvedOn(DBusConnection bus) {
        resolved = Optional.of(new ResolvedLink(bus));
    }

    /** The text the resolver gets for these servers and domains. */
    static String text(String bond, List<String> servers, List<String> domains) {
        StringBuilder s = new StringBuilder("# Written by bondtray-helper for ").append(bond)
                .append(": name servers from DHCP and the static configuration.\n");
        servers.stream().limit(MAX_SERVERS).forEach(ns -> s.append("nameserver ").append(ns).append('\n'));
        if (!domains.isEmpty()) {
            s.append("search ").append(String.join(" ", domains)).append('\n');
        }
        return s.toString();
    }

    /** Makes the system use {@code servers}; does nothing when they are what it already has. */
    public void apply(String bond, List<String> servers, List<String> domains) {
        if (servers.isEmpty()) {
            return;
        }
        String text = text(bond, servers, domains);
        if (text.equals(applied)) {
            return;
        }
        try {
            if (resolved.isPresent() && resolved.get().running()) {
                resolved.get().set(bond, servers, domains);
                via = Via.RESOLVED;
            } else if (resolvconf.isPresent()) {
                run(text, resolvconf.get().toString(), "-a", bond + ".bondtray");
                via = Via.RESOLVCONF;
            } else if (Files.isSymbolicLink(resolvConf)) {
                LOG.info(resolvConf + " is a link that another service keeps; its name servers stay as they are");
                via = Via.NOWHERE;
            } else {
                if (via != Via.FILE && Files.exists(resolvConf) && !Files.exists(saved)) {
                    Files.createDirectories(saved.getParent());
                    Files.copy(resolvConf, saved);
                }
                writeResolvConf(text);
                via = Via.FILE;
            }
            applied = text;
        } catch (IOException e) {
            LOG.warning("could not hand the name servers to the system: " + e.getMessage());
        }
    }

    /** The bond is going: takes back what the helper gave. */
    public void withdraw(String bond) {
        try {
            // Nothing given in this run: what an earlier run of the helper gave (it restarted since) is taken back.
            Via given = via != Via.NOWHERE ? via : resolvconf.isPresent() ? Via.RESOLVCONF : Via.FILE;
            switch (given) {
                case RESOLVED -> resolved.orElseThrow().revert(bond);
                case RESOLVCONF -> run("", resolvconf.orElseThrow().toString(), "-d", bond + ".bondtray");
                case FILE, NOWHERE -> restoreSaved();
            }
        } catch (IOException e) {
            LOG.warning("could not take back the name servers: " + e.getMessage());
        }
        applied = "";
        via = Via.NOWHERE;
    }

    private void restoreSaved() throws IOException {
        if (Files.exists(saved)) {
            writeResolvConf(Files.readString(saved));
            Files.delete(saved);
        }
    }

    /**
     * Atomically where /etc is writable. Under the helper's unit (ProtectSystem=strict) only the
     * file itself is (ReadWritePaths=, a bind mount of the file): nothing can be made beside it
     * or renamed over it there, so it is rewritten in place.
     */
    private void writeResolvConf(String text) throws IOException {
        try {
            AtomicFile.write(resolvConf, text, "rw-r--r--");
        } catch (FileSystemException e) {
            AtomicFile.overwrite(resolvConf, text);
        }
    }

    private static void run(String input, String... argv) throws IOException {
        ChildProcess.Result r = ChildProcess.run(List.of(argv), input, Duration.ofSeconds(10));
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + r.output());
        }
    }
}
