package org.bondtray.helper.dns;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>Used on the helper's worker alone, which owns the helper's state. resolvconf alone runs off
 * it, one call at a time (see {@link #resolvconfRuns}).
 */
public final class SystemResolver {
    private static final Logger LOG = Logger.getLogger(SystemResolver.class.getName());
    /** glibc reads at most three name servers. */
    private static final int MAX_SERVERS = 3;
    private static final List<Path> RESOLVCONF = List.of(Path.of("/usr/sbin/resolvconf"), Path.of("/sbin/resolvconf"));

    private final Path resolvConf;
    private final Path saved;
    private final Optional<Path> resolvconf;
    /** How long resolvconf may take before it is killed. */
    private final Duration resolvconfTimeout;
    /**
     * resolvconf runs here, one call at a time, not on the worker: one that hangs (on a lock, say)
     * held the worker, and with it every look and every change asked for, until its 10 s kill; a
     * helper restarted with one hanging took its bus name after 23.3 s in the lab (10.5 s since).
     * A call that a newer one follows in the queue is skipped: only the latest servers count.
     */
    private final ExecutorService resolvconfRuns = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("resolvconf").factory());
    /** Counts the calls handed to {@link #resolvconfRuns}: a queued call runs only if it is the last. */
    private final AtomicLong resolvconfCalls = new AtomicLong();
    private Optional<ResolvedLink> resolved = Optional.empty();
    /** What the system has (or, through resolvconf, is being given); a resolvconf that fails clears it, to be tried again. */
    private final AtomicReference<String> applied = new AtomicReference<>("");
    /** How the servers in {@link #applied} went to the system. */
    private Via via = Via.NOWHERE;

    private enum Via { NOWHERE, RESOLVED, RESOLVCONF, FILE }

    /**
     * @param resolvConf the file the resolver reads
     * @param saved      where the file as it was before the helper wrote it is kept
     * @param resolvconf the resolvconf program, if it is to be used
     */
    public SystemResolver(Path resolvConf, Path saved, Optional<Path> resolvconf) {
        this(resolvConf, saved, resolvconf, Duration.ofSeconds(10));
    }

    SystemResolver(Path resolvConf, Path saved, Optional<Path> resolvconf, Duration resolvconfTimeout) {
        this.resolvConf = resolvConf;
        this.saved = saved;
        this.resolvconf = resolvconf;
        this.resolvconfTimeout = resolvconfTimeout;
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
        if (text.equals(applied.get())) {
            return;
        }
        try {
            if (resolved.isPresent() && resolved.get().running()) {
                resolved.get().set(bond, servers, domains);
                via = Via.RESOLVED;
            } else if (resolvconf.isPresent()) {
                String[] argv = {resolvconf.get().toString(), "-a", bond + ".bondtray"};
                // Before the call is queued: a failure, however quick, must find it to clear.
                applied.set(text);
                via = Via.RESOLVCONF;
                long call = resolvconfCalls.incrementAndGet();
                resolvconfRuns.execute(() -> {
                    if (resolvconfCalls.get() != call) {
                        return;
                    }
                    try {
                        run(text, argv);
                    } catch (IOException e) {
                        LOG.warning("could not hand the name servers to the system: " + e.getMessage());
                        // The next look tries again.
                        applied.compareAndSet(text, "");
                    }
                });
                return;
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
            applied.set(text);
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
                case RESOLVCONF -> withdrawThroughResolvconf(bond);
                case FILE, NOWHERE -> restoreSaved();
            }
        } catch (IOException e) {
            LOG.warning("could not take back the name servers: " + e.getMessage());
        }
        applied.set("");
        via = Via.NOWHERE;
    }

    /** After what is queued, so no earlier call adds servers back; waited for (the bond is going anyway). */
    private void withdrawThroughResolvconf(String bond) throws IOException {
        String[] argv = {resolvconf.orElseThrow().toString(), "-d", bond + ".bondtray"};
        resolvconfCalls.incrementAndGet();
        Future<?> done = resolvconfRuns.submit(() -> {
            run("", argv);
            return null;
        });
        try {
            done.get(resolvconfTimeout.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(argv[0] + " -d did not finish in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + argv[0] + " -d ran");
        }
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

    private void run(String input, String... argv) throws IOException {
        ChildProcess.Result r = ChildProcess.run(List.of(argv), input, resolvconfTimeout);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + r.output());
        }
    }
}
