package org.bondtray.helper.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bondtray.helper.Addressing;
import org.bondtray.helper.IpText;
import org.bondtray.helper.Preference;

/**
 * {@code /etc/bondtray/bondtray.conf}: the bond the user set up, as "key = value" lines a person
 * can read and edit. Written atomically (temporary file, fsync, rename) so a crash leaves the old
 * file or the new one, never half of one. A file that does not parse is moved aside, reported,
 * and the helper starts unconfigured.
 */
public final class ConfigFile {
    public static final String NAME = "bondtray.conf";

    private final Path dir;

    public ConfigFile(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir.resolve(NAME);
    }

    /** What reading found: a configuration, none, or a corrupt file that was kept aside. */
    public record Loaded(Optional<BondConfig> config, String problem) {
    }

    public Loaded load() {
        Path file = path();
        if (!Files.exists(file)) {
            return new Loaded(Optional.empty(), "");
        }
        try {
            return new Loaded(Optional.of(parse(Files.readAllLines(file, StandardCharsets.UTF_8))), "");
        } catch (IOException | IllegalArgumentException e) {
            Path aside = dir.resolve(NAME + ".corrupt-" + Instant.now().getEpochSecond());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                return new Loaded(Optional.empty(), file + " is unreadable (" + e.getMessage()
                        + ") and could not be moved aside: " + moveFailed.getMessage());
            }
            return new Loaded(Optional.empty(), file + " was corrupt (" + e.getMessage() + "); kept as " + aside);
        }
    }

    static BondConfig parse(List<String> lines) {
        Map<String, String> kv = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("line " + n + " is not 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("line " + n + ": unknown key '" + key + "'");
            }
            kv.put(key, line.substring(eq + 1).strip());
        }
        BondConfig d = BondConfig.defaults(kv.getOrDefault("bond", "bond0"));
        String ports = kv.getOrDefault("ports", "");
        return new BondConfig(d.bond(), ports.isEmpty() ? List.of() : Arrays.asList(ports.split("\\s+")),
                Preference.parse(kv.getOrDefault("preference", "wired"))
                        .orElseThrow(() -> new IllegalArgumentException("preference must be wired, wireless or automatic")),
                kv.getOrDefault("primary", ""),
                number(kv, "miimon", d.miimon()), number(kv, "updelay", d.updelay()), number(kv, "downdelay", 0),
                Addressing.parse(kv.getOrDefault("addressing", "dhcp"))
                        .orElseThrow(() -> new IllegalArgumentException("addressing must be dhcp, static or both")),
                normal(words(kv, "addresses"), a -> IpText.prefixed(a).toString()),
                normal(words(kv, "gateway"), IpText::canonical), normal(words(kv, "dns"), IpText::canonical),
                routes(kv.getOrDefault("routes", "")),
                number(kv, "route_metric", 0, BondConfig.MAX_METRIC),
                fallback(kv.getOrDefault("fallback", "")));
    }

    /** Routes are separated by commas: each has spaces of its own ("10.8.0.0/16 via 10.0.0.1"). */
    private static List<String> routes(String v) {
        return v.isBlank() ? List.of()
                : Arrays.stream(v.split(",")).map(r -> IpText.route(r).toString()).toList();
    }

    private static String fallback(String v) {
        return v.isEmpty() ? v : IpText.ipv4Prefixed(v).toString();
    }

    private static List<String> words(Map<String, String> kv, String key) {
        String v = kv.getOrDefault(key, "");
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }

    /** Each value as {@code normal} writes it: a file edited by hand reads as the bus would have saved it. */
    private static List<String> normal(List<String> values, java.util.function.Function<String, String> normal) {
        return values.stream().map(normal).toList();
    }

    private static final List<String> KEYS = List.of("bond", "ports", "preference", "primary", "miimon", "updelay",
            "downdelay", "addressing", "addresses", "gateway", "dns", "routes", "route_metric", "fallback");

    /** A timer in ms. */
    private static int number(Map<String, String> kv, String key, int fallback) {
        return number(kv, key, fallback, BondConfig.MAX_TIMER_MS);
    }

    private static int number(Map<String, String> kv, String key, int fallback, int max) {
        String v = kv.get(key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > max) {
                throw new IllegalArgumentException(key + " must be 0.." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + v);
        }
    }

    static String format(BondConfig c) {
        List<String> out = new ArrayList<>();
        out.add("# Bondtray helper configuration, written by bondtray-helper.");
        out.add("# Edit with care; 'bondtray setup' rewrites it. Keys:");
        out.add("#   bond        name of the bond interface");
        out.add("#   ports       ports by permanent MAC, name or pattern (en*, wl*); empty = first wired + first Wi-Fi");
        out.add("#   preference  wired | wireless | automatic (the faster link)");
        out.add("#   primary     a port that overrides the preference (optional)");
        out.add("#   miimon, updelay, downdelay   link monitor timers in ms");
        out.add("#   addressing  dhcp | static | both; addresses (with /prefix), gateway, dns for static");
        out.add("#   routes      static routes, comma-separated: 10.8.0.0/16 via 192.168.1.1");
        out.add("#   route_metric  metric of the bond's routes (0: 100 for static, dhcpcd's own for DHCP)");
        out.add("#   fallback    IPv4 address/prefix taken when no DHCP server answers (with gateway, dns)");
        out.add("bond = " + c.bond());
        out.add("ports = " + String.join(" ", c.ports()));
        out.add("preference = " + c.preference().wire());
        out.add("primary = " + c.primary());
        out.add("miimon = " + c.miimon());
        out.add("updelay = " + c.updelay());
        out.add("downdelay = " + c.downdelay());
        out.add("addressing = " + c.addressing().wire());
        out.add("addresses = " + String.join(" ", c.addresses()));
        out.add("gateway = " + String.join(" ", c.gateways()));
        out.add("dns = " + String.join(" ", c.dns()));
        out.add("routes = " + String.join(", ", c.routes()));
        out.add("route_metric = " + c.routeMetric());
        out.add("fallback = " + c.fallback());
        return String.join("\n", out) + "\n";
    }

    public void save(BondConfig c) throws IOException {
        write(format(c));
    }

    public void remove() throws IOException {
        Files.deleteIfExists(path());
    }

    private void write(String text) throws IOException {
        AtomicFile.write(path(), text, "rw-r--r--");
    }
}
