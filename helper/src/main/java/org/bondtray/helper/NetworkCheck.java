package org.bondtray.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.logging.Logger;


/**
 * Runs the same-network check whenever what it depends on changed: the gateway, the ports in
 * the bond, or the Wi-Fi network one of them is on. A port losing its carrier changes nothing:
 * the verdict is wanted most while the cable is out. Lives on the helper's {@link Worker}; only
 * the asking runs on a thread of its own, since it takes up to a few seconds per port and the
 * helper's look at the kernel must not wait for it, and its answers come back to the worker.
 */
final class NetworkCheck implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NetworkCheck.class.getName());
    /** Ports settle (a Wi-Fi port re-associates after it joined) before the gateway is asked. */
    private static final Duration SETTLE = Duration.ofSeconds(1);

    /** A port to ask through: its own MAC, and the Wi-Fi network it is on ("" for a wire). */
    record Port(String name, int index, String mac, String network, boolean usable) {
    }

    /**
     * Told of each verdict that says something, with the Wi-Fi network it was judged on: who
     * answered for the gateway through the cable (its MAC) and whether that Wi-Fi reached it.
     */
    interface Judged {
        void judged(String cableGatewayMac, String wifiNetwork, boolean same);
    }

    private final Runnable changed;
    private final Judged judged;
    /** Whether a port has its carrier now, by name. */
    private final Predicate<String> carrier;
    private final Worker worker;
    /** Where the gateway is asked; it waits without a timeout when nothing is asked. */
    private final ExecutorService asking = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("same-network").daemon().unstarted(r));

    // The worker's, with each port's last Wi-Fi network ("" for a wire).
    private String judgedKey = "";
    private String pendingKey = "";
    private Worker.Timer pending;
    private final Map<String, String> networks = new java.util.HashMap<>();
    // Written on the worker; read on the kernel-events thread too (switchoverMayChangeNetwork).
    private volatile SameNetwork verdict = SameNetwork.UNKNOWN;
    /** The last verdict that said something: with the cable out only one port is left to ask. */
    private volatile SameNetwork lastKnown = SameNetwork.UNKNOWN;
    /** A port joined another Wi-Fi network since the last verdict: that verdict was about the old one. */
    private volatile boolean joinedSince;

    NetworkCheck(Worker worker, Runnable changed, Judged judged, Predicate<String> carrier) {
        this.worker = worker;
        this.changed = changed;
        this.judged = judged;
        this.carrier = carrier;
    }

    SameNetwork verdict() {
        return verdict;
    }

    /**
     * The last verdict that was not {@link SameNetwork#UNKNOWN}. A pulled cable leaves one port
     * to ask and the verdict unknown, but whether the ports were on one network still holds for
     * the switchover it causes.
     */
    SameNetwork lastKnown() {
        return lastKnown;
    }

    /**
     * Whether a switchover now takes traffic to another network than the lease's, as far as is
     * known: the last verdict said different networks, or a port has joined another Wi-Fi network
     * since (its access point went away and wpa_supplicant joined another known one), so the
     * verdict no longer says where the lease came from.
     */
    boolean switchoverMayChangeNetwork() {
        return lastKnown == SameNetwork.DIFFERENT || joinedSince;
    }

    /** The next look asks the gateway again even if nothing seems changed (after a wake-up). */
    void askAgain() {
        judgedKey = "";
    }

    /** The state now: {@code gateway} is the bond's IPv4 gateway ("" if none), {@code ports} its ports. */
    void consider(String gateway, List<Port> ports) {
        boolean moved = false;
        for (Port p : ports) {
            if (!p.network().isEmpty()) {
                String before = networks.put(p.name(), p.network());
                if (before != null && !before.equals(p.network())) {
                    joinedSince = true;
                    moved = true;
                }
            }
        }
        if (moved) {
            // The verdict was about the network the port left. Kept until the next answer, it
            // had a dhcpcd lease ahead on the office LAN the Wi-Fi had just come back to.
            judgedKey = "";
            set(SameNetwork.UNKNOWN);
        }
        String key = key(gateway, ports);
        if (key.equals(judgedKey) || key.equals(pendingKey)) {
            return;
        }
        List<Port> usable = ports.stream().filter(Port::usable).toList();
        if (pending != null) {
            pending.cancel();
            pending = null;
            pendingKey = "";
        }
        if (gateway.isEmpty() || usable.size() < 2) {
            // Nothing to ask, or not through two ports yet: what was known no longer holds, so
            // the state it was about is asked again when it comes back. Kept, a Wi-Fi that
            // re-associated to the same network left the verdict unknown until something else
            // changed: the lab's laptop waited 60 s for it in one run of two.
            judgedKey = "";
            set(SameNetwork.UNKNOWN);
            return;
        }
        pendingKey = key;
        pending = worker.schedule("asking for the gateway through each port", SETTLE.toNanos(),
                () -> asking.execute(() -> check(key, gateway, usable)));
    }

    /** Asks through each port, on the asking thread; the verdict goes to the worker. */
    private void check(String key, String gateway, List<Port> ports) {
        Map<String, Optional<byte[]>> asked = new LinkedHashMap<>();
        try {
            for (Port p : ports) {
                asked.put(p.name(), Connectivity.whoHas(p.index(), p.mac(), gateway));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning("could not ask for the gateway " + gateway + ": " + e.getMessage());
            worker.execute("forgetting a question that failed", () -> {
                if (key.equals(pendingKey)) {
                    pendingKey = "";
                }
            });
            return;
        }
        Map<String, Optional<byte[]>> answers = stillCarrying(asked, carrier);
        SameNetwork v = SameNetwork.judge(answers);
        StringBuilder heard = new StringBuilder();
        answers.forEach((port, mac) -> heard.append(' ').append(port).append('=')
                .append(mac.map(m -> HexFormat.ofDelimiter(":").formatHex(m)).orElse("silence")));
        LOG.info("gateway " + gateway + " as heard through each port:" + heard + "; " + v.wire());
        worker.execute("taking the same-network verdict", () -> take(key, v, ports, answers));
    }

    /** The answer for {@code key}, on the worker; dropped if the state moved on while it was asked. */
    void take(String key, SameNetwork v, List<Port> ports, Map<String, Optional<byte[]>> answers) {
        if (!key.equals(pendingKey)) {
            return;
        }
        pendingKey = "";
        judgedKey = key;
        set(v);
        tell(v, ports, answers, judged);
    }

    /** What a verdict is about: the gateway, and each port with its Wi-Fi network. */
    static String key(String gateway, List<Port> ports) {
        StringBuilder k = new StringBuilder(gateway);
        ports.stream().map(p -> ";" + p.name() + "=" + p.network()).sorted().forEach(k::append);
        return k.toString();
    }

    /**
     * The answers that count: a port that lost its carrier while it was asked was silent for that
     * alone, and its silence would read as another network. The lab's cable pulled during a sleep
     * went just after the wake-up, between the look and the question: "different-network", and
     * the cable's return was then taken for a walk to another network.
     */
    static Map<String, Optional<byte[]>> stillCarrying(Map<String, Optional<byte[]>> answers,
                                                       Predicate<String> carrier) {
        Map<String, Optional<byte[]>> out = new LinkedHashMap<>(answers);
        out.keySet().removeIf(port -> !carrier.test(port));
        return out;
    }

    /** The verdict per Wi-Fi port, against what the cable heard; only a cable that heard the gateway tells. */
    static void tell(SameNetwork v, List<Port> ports, Map<String, Optional<byte[]>> answers, Judged judged) {
        List<Port> cables = ports.stream().filter(p -> p.network().isEmpty()).toList();
        if (v == SameNetwork.UNKNOWN || cables.size() != 1) {
            return;
        }
        Optional<byte[]> cable = answers.get(cables.get(0).name());
        if (cable == null || cable.isEmpty()) {
            return;
        }
        String mac = HexFormat.ofDelimiter(":").formatHex(cable.get());
        for (Port p : ports) {
            if (!p.network().isEmpty()) {
                Optional<byte[]> heard = answers.getOrDefault(p.name(), Optional.empty());
                judged.judged(mac, p.network(), heard.isPresent() && java.util.Arrays.equals(heard.get(), cable.get()));
            }
        }
    }

    private void set(SameNetwork v) {
        if (v != SameNetwork.UNKNOWN) {
            lastKnown = v;
            joinedSince = false;
        }
        if (verdict != v) {
            verdict = v;
            changed.run();
        }
    }

    @Override
    public void close() {
        asking.shutdownNow();
    }
}
