package org.bondtray.lab.guest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ping at 10 ms intervals, parsed as it runs. Every echo request is placed in time (its send
 * time is the reply's time minus the round trip; a lost one is placed between its neighbours),
 * so losses and gaps can be charged to the phase of the scenario in which they happened.
 */
final class PingProbe {
    private static final Pattern REPLY = Pattern.compile(
            "^\\[(\\d+\\.\\d+)] .*icmp_seq=(\\d+) .*time=([0-9.]+) ms");
    private static final Pattern NO_ANSWER = Pattern.compile("no answer yet for icmp_seq=(\\d+)");

    /** Receive time (ms since the epoch) and round trip of each answered request, by sequence. */
    private final Map<Integer, double[]> replies = new TreeMap<>();
    private int highestSeq;
    private final Process ping;
    private final Thread reader;

    PingProbe(Cmd cmd, String target, int intervalMs) {
        ping = cmd.startReading("ping", "ping", "-D", "-O", "-n", "-i", String.valueOf(intervalMs / 1000.0), "-W", "1", target);
        reader = Thread.ofPlatform().daemon().name("ping-reader").start(this::read);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(ping.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = REPLY.matcher(line);
                if (m.find()) {
                    double received = Double.parseDouble(m.group(1)) * 1000;
                    int seq = Integer.parseInt(m.group(2));
                    synchronized (this) {
                        replies.putIfAbsent(seq, new double[] {received, Double.parseDouble(m.group(3))});
                        highestSeq = Math.max(highestSeq, seq);
                    }
                    continue;
                }
                Matcher n = NO_ANSWER.matcher(line);
                if (n.find()) {
                    synchronized (this) {
                        highestSeq = Math.max(highestSeq, Integer.parseInt(n.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            // ping ended
        }
    }

    /** One echo request: when it left, whether it came back and when. */
    record Request(int seq, double sentMs, boolean answered, double receivedMs) {
    }

    /**
     * Stops ping and returns the requests up to the last one sent, placed in time. Late replies
     * get one second to arrive first, matching {@code -W 1}.
     */
    List<Request> stop() throws InterruptedException {
        int last;
        synchronized (this) {
            last = highestSeq;
        }
        Thread.sleep(1100);
        ping.destroy();
        reader.join(5000);
        List<Request> requests = new ArrayList<>();
        synchronized (this) {
            for (int seq = 1; seq <= last; seq++) {
                double[] r = replies.get(seq);
                requests.add(r == null ? new Request(seq, Double.NaN, false, Double.NaN)
                        : new Request(seq, r[0] - r[1], true, r[0]));
            }
        }
        return placeLost(requests);
    }

    static List<Request> placeLost(List<Request> requests) {
        List<Request> placed = new ArrayList<>(requests);
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).answered()) {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && !placed.get(before).answered()) {
                before--;
            }
            int after = i + 1;
            while (after < placed.size() && !placed.get(after).answered()) {
                after++;
            }
            double sent;
            Request b = before >= 0 ? placed.get(before) : null;
            Request a = after < placed.size() ? placed.get(after) : null;
            if (b != null && a != null) {
                sent = b.sentMs() + (a.sentMs() - b.sentMs()) * (i - before) / (after - before);
            } else if (b != null) {
                sent = b.sentMs() + 10.0 * (i - before);
            } else if (a != null) {
                sent = a.sentMs() - 10.0 * (after - i);
            } else {
                sent = Double.NaN;
            }
            Request r = placed.get(i);
            placed.set(i, new Request(r.seq(), sent, false, Double.NaN));
        }
        return placed;
    }
}
