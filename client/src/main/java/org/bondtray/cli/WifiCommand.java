package org.bondtray.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bondtray.i18n.Texts;
import org.bondtray.wifi.Security;
import org.bondtray.wifi.SsidText;
import org.bondtray.wifi.WifiNetwork;
import org.bondtray.wifi.WifiException;
import org.bondtray.wifi.WpaClient;
import org.freedesktop.dbus.connections.impl.DBusConnection;

/**
 * {@code bondtray wifi list|connect|forget}: Wi-Fi networks through wpa_supplicant's D-Bus API,
 * as the desktop user. The password is read from a file, a pipe or the terminal, turned into the
 * WPA2 key here, and never printed.
 */
final class WifiCommand {
    private static final Duration SCAN_WAIT = Duration.ofSeconds(15);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(45);

    private final PrintStream out;
    private final PrintStream err;
    private final Texts t;
    private final WpaClient wpa;

    WifiCommand(DBusConnection system, PrintStream out, PrintStream err, Texts t) {
        this.out = out;
        this.err = err;
        this.t = t;
        this.wpa = new WpaClient(system);
    }

    int run(List<String> args, boolean json) {
        List<String> rest = new ArrayList<>(args);
        String ifname = option(rest, "--interface");
        String passwordFile = option(rest, "--password-file");
        String security = option(rest, "--security");
        boolean cached = rest.remove("--cached");
        boolean hidden = rest.remove("--hidden");
        if (rest.stream().anyMatch(a -> a.startsWith("--"))) {
            return usage(t.get("cli.unknown.option", rest.stream().filter(a -> a.startsWith("--")).findFirst().get()));
        }
        if (rest.isEmpty()) {
            return usage(t.get("wifi.needs"));
        }
        try {
            String path = wpa.interfacePath(ifname);
            return switch (rest.get(0)) {
                case "list" -> rest.size() == 1 ? list(path, cached, json) : usage(t.get("wifi.list.no.argument"));
                case "connect" -> rest.size() == 2 ? connect(path, rest.get(1), security, passwordFile, hidden)
                        : usage(t.get("wifi.connect.one"));
                case "forget" -> rest.size() == 2 ? forget(path, rest.get(1)) : usage(t.get("wifi.forget.one"));
                default -> usage(t.get("wifi.unknown.command", rest.get(0)));
            };
        } catch (WifiException e) {
            err.println("bondtray: " + e.in(t.locale()));
            return Cli.REFUSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.REFUSED;
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size()) {
            return null;
        }
        String v = args.get(i + 1);
        args.subList(i, i + 2).clear();
        return v;
    }

    private int usage(String why) {
        err.println("bondtray: " + why);
        for (int i = 0; i < USAGE.size(); i++) {
            err.println((i == 0 ? "usage: " : "       ") + USAGE.get(i));
        }
        return Cli.USAGE;
    }

    /** The wifi commands' lines of the usage text; {@link Cli} prints them in its own. */
    static final List<String> USAGE = List.of(
            "bondtray wifi list [--cached] [--json] [--interface IF]",
            "bondtray wifi connect SSID [--password-file FILE] [--security open|wpa2|wpa3] [--hidden]",
            "                           [--interface IF]",
            "bondtray wifi forget SSID [--interface IF]");

    private int list(String path, boolean cached, boolean json) throws WifiException {
        if (!cached && !wpa.scan(path, SCAN_WAIT)) {
            err.println("bondtray: " + t.get("wifi.scan.slow", SCAN_WAIT.toSeconds()));
        }
        List<WifiNetwork> rows = wpa.list(path);
        if (json) {
            List<Object> out = new ArrayList<>();
            for (WifiNetwork n : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ssid", n.name());
                m.put("signal_dbm", n.signalDbm());
                m.put("bars", n.bars());
                m.put("frequency_mhz", n.frequencyMhz());
                m.put("security", n.security().label());
                m.put("known", n.known());
                m.put("in_use", n.current());
                out.add(m);
            }
            this.out.println(Json.write(out));
            return Cli.OK;
        }
        out.println(t.get("wifi.on", wpa.ifname(path)));
        for (WifiNetwork n : rows) {
            String bars = "****".substring(0, n.bars()) + "....".substring(n.bars());
            out.printf("%s %-32s %s %4d dBm  %-10s %s%n", n.current() ? "*" : " ", n.name(), bars, n.signalDbm(),
                    n.security().label(), n.current() ? t.get("wifi.in.use") : n.known() ? t.get("wifi.known") : "");
        }
        if (rows.isEmpty()) {
            out.println(t.get("wifi.none"));
        }
        return Cli.OK;
    }

    private int connect(String path, String typed, String securityOption, String passwordFile, boolean hidden)
            throws WifiException, InterruptedException {
        byte[] ssid = SsidText.parse(typed);
        Security security;
        if (securityOption != null) {
            security = switch (securityOption) {
                case "open" -> Security.OPEN;
                case "wpa2" -> Security.WPA2;
                case "wpa3" -> Security.WPA3;
                default -> null;
            };
            if (security == null) {
                return usage(t.get("wifi.security.option"));
            }
        } else {
            WifiNetwork seen = seen(path, ssid);
            if (seen == null && wpa.scan(path, SCAN_WAIT)) {
                // Not among the networks seen so far (wpa_supplicant, just restarted, has seen
                // none): look once more, as nmcli does, before saying it is not in range.
                seen = seen(path, ssid);
            }
            if (seen == null) {
                err.println("bondtray: " + t.get("wifi.not.in.range", SsidText.show(ssid)));
                return Cli.REFUSED;
            }
            security = seen.security();
        }
        char[] password = new char[0];
        if (security != Security.OPEN) {
            try {
                password = password(passwordFile, SsidText.show(ssid));
            } catch (IOException e) {
                err.println("bondtray: " + t.get("wifi.password.unreadable", e.getMessage()));
                return Cli.REFUSED;
            }
        }
        boolean saved = wpa.join(path, ssid, security, password, hidden, CONNECT_WAIT);
        out.println(t.get(saved ? "wifi.connected" : "wifi.connected.unsaved", SsidText.show(ssid), security.label()));
        return Cli.OK;
    }

    /** The network named {@code ssid} among those wpa_supplicant has seen, null if none. */
    private WifiNetwork seen(String path, byte[] ssid) throws WifiException {
        return wpa.list(path).stream().filter(n -> Arrays.equals(n.ssid(), ssid)).findFirst().orElse(null);
    }

    /** From a file's first line, or a pipe's, or typed at the terminal without echo. */
    private char[] password(String file, String ssid) throws IOException {
        if (file != null) {
            String first = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return first.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("%s", t.get("wifi.password.prompt", ssid));
            return typed == null ? new char[0] : typed;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private int forget(String path, String typed) throws WifiException {
        byte[] ssid = SsidText.parse(typed);
        int removed = wpa.forget(path, ssid);
        if (removed == 0) {
            err.println("bondtray: " + WifiException.of("wifi.unknown.network", SsidText.show(ssid)).in(t.locale()));
            return Cli.REFUSED;
        }
        out.println(t.get(wpa.save(path) ? "wifi.forgot" : "wifi.forgot.unsaved", SsidText.show(ssid)));
        return Cli.OK;
    }
}
