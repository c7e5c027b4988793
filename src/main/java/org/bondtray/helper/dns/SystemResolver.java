package org.bondtray.helper.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.bondtray.helper.config.AtomicFile;

/**
 * Hands the bond's name servers to the system resolver: through resolvconf when it is installed
 * (it merges them with other sources), otherwise by writing resolv.conf atomically. A resolv.conf
 * that is a symbolic link belongs to someone else (systemd-resolved's stub, NetworkManager) and is
 * left alone. What the helper wrote is undone when the bond goes away.
 */
public final class SystemResolver {
    private static final Logger LOG = Logger.getLogger(SystemResolver.class.getName());
    /** glibc reads at most three name servers. */
    private static final int MAX_SERVERS = 3;
    private static final List<Path> RESOLVCONF = List.of(Path.of("/usr/sbin/resolvconf"), Path.of("/sbin/resolvconf"));

    private final Path resolvConf;
    private final Path saved;
    private final Optional<Path> resolvconf;
    private String applied = "";

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
                RESOLVCONF.stream().filter(Files::isExecutable).findFirst());
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
    public synchronized void apply(String bond, List<String> servers, List<String> domains) {
        if (servers.isEmpty()) {
            return;
        }
        String text = text(bond, servers, domains);
        if (text.equals(applied)) {
            return;
        }
        try {
            if (resolvconf.isPresent()) {
                run(text, resolvconf.get().toString(), "-a", bond + ".bondtray");
            } else if (Files.isSymbolicLink(resolvConf)) {
                LOG.info(resolvConf + " is a link that another service keeps; its name servers stay as they are");
            } else {
                if (applied.isEmpty() && Files.exists(resolvConf) && !Files.exists(saved)) {
                    Files.createDirectories(saved.getParent());
                    Files.copy(resolvConf, saved);
                }
                AtomicFile.write(resolvConf, text, "rw-r--r--");
            }
            applied = text;
        } catch (IOException e) {
            LOG.warning("could not hand the name servers to the system: " + e.getMessage());
        }
    }

    /** The bond is gone: takes back what the helper gave. */
    public synchronized void withdraw(String bond) {
        try {
            if (resolvconf.isPresent()) {
                run("", resolvconf.get().toString(), "-d", bond + ".bondtray");
            } else if (Files.exists(saved)) {
                AtomicFile.write(resolvConf, Files.readString(saved), "rw-r--r--");
                Files.delete(saved);
            }
        } catch (IOException e) {
            LOG.warning("could not take back the name servers: " + e.getMessage());
        }
        applied = "";
    }

    private static void run(String input, String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
