package org.bondtray.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.bondtray.api.Bond;
import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;
import org.bondtray.api.BondtrayBus;
import org.bondtray.api.BusMatch;
import org.bondtray.api.NameOwner;
import org.bondtray.api.Printable;
import org.bondtray.api.SetupOptions;
import org.bondtray.i18n.Texts;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * Bondtray's command line, for headless machines and scripts.
 *
 * <pre>
 * bondtray status [--json]
 * bondtray watch [--json]
 * bondtray switch wired|wireless|auto|PORT
 * bondtray setup [--port SPEC]... [--primary SPEC] [--prefer wired|wireless|auto]
 *                [--miimon MS] [--updelay MS] [--downdelay MS]
 *                [--addressing dhcp|static|both] [--address IP/PREFIX]... [--gateway IP]... [--dns IP]...
 *                [--route "NET/PREFIX via IP"]... [--metric N] [--fallback IP/PREFIX]
 *                [--confirm-timeout SECONDS]
 * bondtray confirm
 * bondtray disable
 * </pre>
 *
 * Exit codes: 0 done, 1 the helper refused (the message says why), 2 bad usage, 3 the helper
 * cannot be reached, 4 not authorized.
 */
public final class Cli {
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int NOT_AUTHORIZED = 4;
    /** How long a first command waits for the helper that the bus is starting. */
    private static final java.time.Duration START_PATIENCE = java.time.Duration.ofSeconds(90);

    /** The command line's words; see the bundle for what stays untranslated. */
    static final String BUNDLE = "org.bondtray.cli.messages";

    private final PrintStream out;
    private final PrintStream err;
    private final String busAddress;
    private final Texts t;

    /** {@code busAddress} null means the system bus; the words are in the user's language. */
    Cli(PrintStream out, PrintStream err, String busAddress) {
        this(out, err, busAddress, Locale.getDefault(Locale.Category.DISPLAY));
    }

    Cli(PrintStream out, PrintStream err, String busAddress, Locale locale) {
        this.out = out;
        this.err = err;
        this.busAddress = busAddress;
        this.t = new Texts(BUNDLE, locale);
    }

    public static void main(String[] args) {
        // The bus library's progress notes are not for the person at the terminal.
        java.util.logging.Logger.getLogger("org.freedesktop").setLevel(java.util.logging.Level.WARNING);
        System.exit(new Cli(System.out, System.err, null).run(args));
    }

    /** The commands that talk to the helper; wifi and tray have their own ways. */
    private static final java.util.Set<String> HELPER_COMMANDS = java.util.Set.of("status", "watch", "switch",
            "setup", "disable", "confirm");

    int run(String[] args) {
        if (args.length == 0) {
            return usage(t.get("cli.no.command"));
        }
        // What needs no bus answers without one: help and version on a machine with no helper,
        // no bus, no display; a misspelt command without a wait for the bus.
        switch (args[0]) {
            case "--help", "-h", "help" -> {
                usage(out);
                return OK;
            }
            case "--version" -> {
                out.println("bondtray " + version());
                return OK;
            }
            default -> {
                if (!args[0].equals("tray") && !args[0].equals("wifi") && !HELPER_COMMANDS.contains(args[0])) {
                    return usage(t.get("cli.unknown.command", args[0]));
                }
            }
        }
        if (args[0].equals("tray")) {
            // The tray follows the helper by itself, running or not.
            try {
                return org.bondtray.tray.TrayMain.run();
            } catch (Exception e) {
                err.println("bondtray tray: " + e.getMessage());
                return UNREACHABLE;
            }
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean json = rest.remove("--json");
        if (args[0].equals("wifi")) {
            // Wi-Fi goes to wpa_supplicant directly: it works with or without the helper.
            try (HelperClient bus = new HelperClient(busAddress)) {
                return new WifiCommand(bus.bus, out, err, t).run(rest, json);
            } catch (DBusException e) {
                err.println("bondtray: " + t.get("cli.no.bus", e.getMessage()));
                return UNREACHABLE;
            }
        }
        try (HelperClient helper = new HelperClient(busAddress)) {
            if (!helper.available()) {
                err.println("bondtray: " + t.get("cli.no.helper", BondtrayBus.BUS_NAME));
                return UNREACHABLE;
            }
            if (!helper.started(START_PATIENCE)) {
                err.println("bondtray: " + t.get("cli.helper.not.started", START_PATIENCE.toSeconds()));
                return UNREACHABLE;
            }
            return switch (args[0]) {
                case "status" -> status(helper, json);
                case "watch" -> watch(helper, json);
                case "switch" -> rest.size() == 1 ? doSwitch(helper, rest.get(0)) : usage(t.get("cli.switch.one"));
                case "setup" -> setup(helper, rest);
                case "disable" -> done(() -> helper.bond().Disable(), t.get("cli.disabled"));
                case "confirm" -> done(() -> helper.bond().Confirm(), t.get("cli.confirmed"));
                default -> usage(t.get("cli.unknown.command", args[0]));
            };
        } catch (DBusException | org.freedesktop.dbus.exceptions.DBusExecutionException e) {
            err.println("bondtray: " + t.get("cli.no.bus", e.getMessage()));
            return UNREACHABLE;
        }
    }

    private int usage(String why) {
        err.println("bondtray: " + why);
        usage(err);
        return USAGE;
    }

    private static void usage(PrintStream to) {
        to.println("usage: bondtray status|watch [--json]");
        to.println("       bondtray switch wired|wireless|auto|PORT");
        to.println("       bondtray setup [--port SPEC]... [--primary SPEC] [--prefer wired|wireless|auto]");
        to.println("                      [--miimon MS] [--updelay MS] [--downdelay MS]");
        to.println("                      [--addressing dhcp|static|both] [--address IP/PREFIX]... [--gateway IP]... [--dns IP]...");
        to.println("                      [--route \"NET/PREFIX via IP\"]... [--metric N] [--fallback IP/PREFIX]");
        to.println("                      [--confirm-timeout SECONDS]");
        to.println("       bondtray confirm");
        to.println("       bondtray disable");
        WifiCommand.USAGE.forEach(line -> to.println("       " + line));
        to.println("       bondtray tray");
        to.println("       bondtray --help | --version");
    }

    /** The package's version, as the build wrote it. */
    static String version() {
        java.util.Properties p = new java.util.Properties();
        try (var in = Cli.class.getResourceAsStream("/org/bondtray/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            // unknown below
        }
        return p.getProperty("version", "unknown");
    }

    private int status(HelperClient helper, boolean json) throws DBusException {
        Map<String, Object> p = helper.properties();
        out.print(json ? Json.write(p) + "\n" : StatusText.format(BondSnapshot.of(p), t));
        return OK;
    }

    interface Call {
        void run() throws DBusException;
    }

    private int done(Call call, String message) {
        try {
            call.run();
            out.println(message);
            return OK;
        } catch (DBusExecutionException e) {
            err.println("bondtray: " + e.getMessage());
            return BondtrayBus.ERROR_NOT_AUTHORIZED.equals(e.getType()) ? NOT_AUTHORIZED : REFUSED;
        } catch (DBusException e) {
            err.println("bondtray: " + e.getMessage());
            return UNREACHABLE;
        }
    }

    private int doSwitch(HelperClient helper, String target) {
        return switch (target) {
            case "wired", "wireless" -> done(() -> helper.bond().SetPreference(target), t.get("cli.prefer." + target));
            case "auto", "automatic" -> done(() -> helper.bond().SetPreference("automatic"), t.get("cli.prefer.automatic"));
            default -> done(() -> helper.bond().SwitchTo(target), t.get("cli.moved", target));
        };
    }

    /** The command line's setup flags, as Setup's options name them. */
    private static final Map<String, String> SETUP_FLAGS = Map.ofEntries(
            Map.entry("--port", BondProperties.OPT_PORTS), Map.entry("--address", BondProperties.OPT_ADDRESSES),
            Map.entry("--gateway", BondProperties.OPT_GATEWAY), Map.entry("--dns", BondProperties.OPT_DNS),
            Map.entry("--route", BondProperties.OPT_ROUTES), Map.entry("--fallback", BondProperties.OPT_FALLBACK_ADDRESS),
            Map.entry("--addressing", BondProperties.OPT_ADDRESSING), Map.entry("--primary", BondProperties.OPT_PRIMARY),
            Map.entry("--prefer", BondProperties.OPT_PREFERENCE), Map.entry("--miimon", BondProperties.OPT_MIIMON),
            Map.entry("--updelay", BondProperties.OPT_UPDELAY), Map.entry("--downdelay", BondProperties.OPT_DOWNDELAY),
            Map.entry("--metric", BondProperties.OPT_ROUTE_METRIC),
            Map.entry("--confirm-timeout", BondProperties.OPT_CONFIRM_TIMEOUT));

    /**
     * Setup from flags, built as the settings window builds it ({@link SetupOptions}). Only what
     * cannot go on the wire is said here (a number that is not one); the helper judges the rest.
     */
    private int setup(HelperClient helper, List<String> args) {
        SetupOptions options = new SetupOptions();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            String option = SETUP_FLAGS.get(flag);
            if (option == null) {
                return usage(t.get("cli.unknown.option", flag));
            }
            if (i + 1 >= args.size()) {
                return usage(t.get("cli.needs.value", flag));
            }
            String value = args.get(++i);
            try {
                options.put(option, flag.equals("--prefer") && value.equals("auto") ? "automatic" : value);
            } catch (SetupOptions.NotANumber e) {
                return usage(t.get(switch (flag) {
                    case "--metric" -> "cli.takes.number";
                    case "--confirm-timeout" -> "cli.takes.seconds";
                    default -> "cli.takes.ms";
                }, flag));
            }
        }
        return done(() -> helper.bond().Setup(options.variants()), t.get("cli.set.up"));
    }

    private int watch(HelperClient helper, boolean json) throws DBusException {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        // Any local user may send signals that look like the helper's: only its own count, and
        // what they say is printed without the control characters a terminal would obey.
        NameOwner owner = new NameOwner(helper.bus, BondtrayBus.BUS_NAME);
        BusMatch.at(helper.bus, Bond.Switchover.class, helper.path, s -> {
            if (!owner.sent(s) || !helper.path.equals(s.getPath())) {
                return;
            }
            if (json) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("event", "switchover");
                e.put("from", s.getFrom());
                e.put("to", s.getTo());
                e.put("reason", s.getReason());
                e.put("timestamp_us", s.getTimestampMicros());
                e.put("outage_ms", s.getOutageMillis());
                out.println(Json.write(e));
            } else {
                out.println(t.get("cli.watch.switchover", LocalTime.now().format(time),
                        s.getFrom().isEmpty() ? t.get("cli.none") : Printable.of(s.getFrom()), Printable.of(s.getTo()),
                        Printable.of(s.getReason()), s.getOutageMillis()));
            }
            out.flush();
        });
        BusMatch.at(helper.bus, Properties.PropertiesChanged.class, helper.path, c -> {
            if (!owner.sent(c) || !helper.path.equals(c.getPath())
                    || !c.getPropertiesChanged().containsKey(BondProperties.STATE)) {
                return;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", "state");
            e.put("state", org.bondtray.api.PlainValues.of(c.getPropertiesChanged().get(BondProperties.STATE)));
            Variant<?> reason = c.getPropertiesChanged().get(BondProperties.STATE_REASON);
            e.put("reason", reason == null ? "" : org.bondtray.api.PlainValues.of(reason));
            String state = Printable.of(String.valueOf(e.get("state")));
            out.println(json ? Json.write(e) : "".equals(e.get("reason"))
                    ? t.get("cli.watch.state", LocalTime.now().format(time), state)
                    : t.get("cli.watch.state.why", LocalTime.now().format(time), state,
                            Printable.of(String.valueOf(e.get("reason")))));
            out.flush();
        });
        out.println(json ? Json.write(Map.of("event", "watching")) : t.get("cli.watching", helper.path));
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
