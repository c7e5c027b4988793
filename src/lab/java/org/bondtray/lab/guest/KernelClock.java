package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A switchover timed by the kernel's own records instead of a probe's: the link events as the
 * kernel sends them ({@code ip -ts -d monitor link}, a process that does nothing but wait for
 * them) and the echo requests leaving each port (tcpdump, whose timestamps the kernel takes as
 * the frame goes out). For a cut: the cable's carrier event → the bond's event naming the Wi-Fi
 * its active port, and → the first echo request out of the Wi-Fi. Both clocks are the machine's
 * wall clock, in µs. The same for a restore, the other way.
 */
final class KernelClock implements AutoCloseable {
    private static final Pattern ENTRY = Pattern.compile("^\\[(\\S+)] \\d+: ([^:@]+)[^:]*: <([^>]*)>");
    private static final Pattern ACTIVE = Pattern.compile("active_slave (\\S+)");
    private static final Pattern FRAME = Pattern.compile("^(\\d+)\\.(\\d{6}) ");

    /** One event's times, µs from the carrier event; -1 where it was not seen. */
    record Failover(long bondMicros, long firstFrameMicros) {
    }

    /** A link event: when it was received, the link, its flags, the bond's active port if it is one. */
    private record LinkEvent(long micros, String name, String flags, String active) {
    }

    private final Cmd cmd;
    private final String bond;
    private final String name;
    private final List<Process> watchers = new ArrayList<>();

    /** Starts watching {@code bond}'s ports {@code cable} and {@code wifi}; logs under {@code name}. */
    KernelClock(Cmd cmd, String name, String bond, String cable, String wifi) {
        this.cmd = cmd;
        this.bond = bond;
        this.name = name;
        watchers.add(cmd.start(name + "-links", "ip", "-ts", "-d", "monitor", "link"));
        for (String port : List.of(cable, wifi)) {
            watchers.add(cmd.start(name + "-" + port, "tcpdump", "-i", port, "-n", "-l", "-tt", "-Q", "out",
                    "icmp[icmptype] == icmp-echo"));
            Wait.until("tcpdump to listen on " + port, Duration.ofSeconds(30), () -> text(name + "-" + port)
                    .contains("listening on"));
        }
    }

    /** The wall clock now, in µs, as the kernel's records count it. */
    static long now() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /**
     * After {@code sinceMicros}: {@code port}'s carrier going {@code up} or down, then the bond
     * naming {@code to} its active port, and the first echo request out of {@code to}.
     */
    Optional<Failover> failover(long sinceMicros, String port, boolean up, String to) {
        return failover(text(name + "-links"), text(name + "-" + to), bond, sinceMicros, port, up, to);
    }

    /** {@link #failover} read from the link monitor's output and the capture of {@code to}. */
    static Optional<Failover> failover(String linkLog, String frameLog, String bond, long sinceMicros, String port,
                                       boolean up, String to) {
        List<LinkEvent> events = linkEvents(linkLog);
        Optional<LinkEvent> carrier = events.stream().filter(e -> e.micros() >= sinceMicros && e.name().equals(port)
                && (up ? e.flags().contains("LOWER_UP") : e.flags().contains("NO-CARRIER"))).findFirst();
        if (carrier.isEmpty()) {
            return Optional.empty();
        }
        long t0 = carrier.get().micros();
        long bondAt = events.stream().filter(e -> e.micros() >= t0 && e.name().equals(bond) && to.equals(e.active()))
                .mapToLong(LinkEvent::micros).findFirst().orElse(-1);
        long frameAt = frames(frameLog).stream().filter(t -> t >= t0).findFirst().orElse(-1L);
        return Optional.of(new Failover(bondAt < 0 ? -1 : bondAt - t0, frameAt < 0 ? -1 : frameAt - t0));
    }

    private static List<LinkEvent> linkEvents(String log) {
        List<LinkEvent> out = new ArrayList<>();
        String[] lines = log.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENTRY.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            StringBuilder details = new StringBuilder(lines[i]);
            for (int j = i + 1; j < lines.length && lines[j].startsWith(" "); j++) {
                details.append(' ').append(lines[j]);
            }
            Matcher a = ACTIVE.matcher(details);
            out.add(new LinkEvent(micros(m.group(1)), m.group(2), m.group(3), a.find() ? a.group(1) : ""));
        }
        return out;
    }

    /** When each echo request of a capture left its port, µs. */
    private static List<Long> frames(String log) {
        List<Long> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = FRAME.matcher(line);
            if (m.find()) {
                out.add(Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)));
            }
        }
        return out;
    }

    /** iproute2's "2026-12-05T23:16:11.392332", local time, as µs since the epoch. */
    static long micros(String stamp) {
        LocalDateTime t = LocalDateTime.parse(stamp);
        java.time.Instant i = t.atZone(ZoneId.systemDefault()).toInstant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private String text(String log) {
        Path p = cmd.logDir().resolve(log + ".log");
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        watchers.forEach(Process::destroy);
    }
}
