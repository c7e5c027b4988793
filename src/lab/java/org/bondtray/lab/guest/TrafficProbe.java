package org.bondtray.lab.guest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's measure of what a user would feel: ping every 10 ms (or as asked) plus long-lived TCP connections.
 * A scenario marks the moments that matter ("cut", "on-wifi", "restore"); the report then gives
 * figures for any window between two marks, so each event gets its own.
 */
final class TrafficProbe {
    static final int INTERVAL_MS = 10;
    static final String START = "start";
    static final String END = "end";

    private final PingProbe ping;
    private final TcpProbe tcp;
    private final Map<String, Long> marks = new LinkedHashMap<>();

    TrafficProbe(Cmd cmd, String target, int echoPort, int tcpConnections) throws IOException {
        this(cmd, target, echoPort, tcpConnections, INTERVAL_MS, TcpProbe.PATIENCE);
    }

    TrafficProbe(Cmd cmd, String target, int echoPort, int tcpConnections, int pingIntervalMs, Duration tcpPatience)
            throws IOException {
        tcp = new TcpProbe(target, echoPort, tcpConnections, tcpPatience);
        ping = new PingProbe(cmd, target, pingIntervalMs);
        mark(START);
    }

    /** Remembers this moment under {@code name}. */
    void mark(String name) {
        marks.put(name, System.currentTimeMillis());
    }

    Report stop() throws InterruptedException {
        mark(END);
        return new Report(ping.stop(), marks, tcp.stop());
    }

    /**
     * Figures of one window: echo requests sent in it, how many never came back, how many did,
     * and the longest time in it without any reply arriving.
     */
    record Window(String name, int sent, int lost, int answered, long longestGapMs) {
    }

    record Report(List<PingProbe.Request> requests, Map<String, Long> marks, TcpProbe.Report tcp) {

        Window window(String name, String fromMark, String toMark) {
            return measure(name, requests, marks.get(fromMark), marks.get(toMark));
        }

        /** When the unanswered requests of a window were sent, in ms after {@code fromMark}. */
        List<Long> lostAt(String fromMark, String toMark) {
            long from = marks.get(fromMark);
            return lost(fromMark, toMark).stream().map(r -> Math.round(r.sentMs() - from)).toList();
        }

        /** The unanswered requests of a window. */
        List<PingProbe.Request> lost(String fromMark, String toMark) {
            long from = marks.get(fromMark);
            long to = marks.get(toMark);
            return requests.stream().filter(r -> r.sentMs() >= from && r.sentMs() < to && !r.answered()).toList();
        }
    }

    static Window measure(String name, List<PingProbe.Request> requests, long from, long to) {
        int sent = 0;
        int lost = 0;
        List<Double> arrivals = new ArrayList<>();
        for (PingProbe.Request r : requests) {
            if (r.sentMs() >= from && r.sentMs() < to) {
                sent++;
                if (!r.answered()) {
                    lost++;
                }
            }
            if (r.answered() && r.receivedMs() >= from && r.receivedMs() < to) {
                arrivals.add(r.receivedMs());
            }
        }
        arrivals.sort(Double::compare);
        double previous = from;
        double longest = 0;
        for (double t : arrivals) {
            longest = Math.max(longest, t - previous);
            previous = t;
        }
        longest = Math.max(longest, to - previous);
        return new Window(name, sent, lost, sent - lost, Math.round(longest));
    }
}
