package org.bondtray.lab.guest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Long-lived TCP connections to the echo server in the LAN, each sending a numbered message every
 * 50 ms and checking the echo. A connection survives when it never broke and still answers at
 * the end; its stall is the longest time between two echoes.
 */
final class TcpProbe {
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** Long enough to ride out any outage a scenario makes; a connection that needs more is lost, as a user's would be. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Duration patience;

    TcpProbe(String host, int port, int count) throws IOException {
        this(host, port, count, PATIENCE);
    }

    /** {@code patience}: how long a connection may go without an echo before it counts as lost. */
    TcpProbe(String host, int port, int count, Duration patience) throws IOException {
        this.patience = patience;
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(host, port), 5000);
            s.setSoTimeout((int) patience.toMillis());
            s.setTcpNoDelay(true);
            Connection c = new Connection(s);
            connections.add(c);
            c.thread = Thread.ofPlatform().daemon().name("tcp-probe-" + i).start(c::run);
        }
    }

    record Report(int connections, int survived, long longestStallMs) {
    }

    Report stop() throws InterruptedException {
        running.set(false);
        int survived = 0;
        long stall = 0;
        for (Connection c : connections) {
            c.thread.join(patience.toMillis() + 5_000);
            if (!c.thread.isAlive() && c.ok) {
                survived++;
            }
            stall = Math.max(stall, c.longestStallMs);
            try {
                c.socket.close();
            } catch (IOException e) {
                // closing a broken connection
            }
        }
        return new Report(connections.size(), survived, stall);
    }

    private final class Connection {
        final Socket socket;
        Thread thread;
        volatile boolean ok;
        volatile long longestStallMs;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                DataInputStream in = new DataInputStream(socket.getInputStream());
                long last = System.nanoTime();
                for (long seq = 0; ; seq++) {
                    boolean last_round = !running.get();
                    out.writeLong(seq);
                    out.flush();
                    if (in.readLong() != seq) {
                        return;
                    }
                    long now = System.nanoTime();
                    longestStallMs = Math.max(longestStallMs, (now - last) / 1_000_000);
                    last = now;
                    if (last_round) {
                        ok = true;
                        return;
                    }
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                ok = false;
            }
        }
    }
}
