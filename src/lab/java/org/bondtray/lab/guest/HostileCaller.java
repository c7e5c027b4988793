package org.bondtray.lab.guest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A local user who throws malformed and hostile calls at the helper, as a program of her own
 * would: raw method calls over one system bus connection, with signatures the API does not take,
 * 70 KB strings, 3000-key dicts, newlines in every string option, the bond and the loopback as
 * ports, writes to read-only properties, paths and interfaces that do not exist. Every call here
 * is refused by the helper's checks, so none may reach polkit (which would ask alice's agent) or
 * change anything. Prints one line per call: its name, the error name (or "accepted" or
 * "no-reply") and how long the answer took. Run as the user, from classes she can read.
 */
public final class HostileCaller {
    private static final String PATH = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
    private static final String PROPERTIES = "org.freedesktop.DBus.Properties";
    private static final long REPLY_WAIT_MS = 10_000;
    private static final String LONG = "e".repeat(70 * 1024);
    /** Strings that break lines, terminals, shells and paths; each is some option's whole value. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("newline_after", "eth0\n");
        HOSTILE.put("newline_inside", "eth0\nnameserver 203.0.113.5");
        HOSTILE.put("carriage_return", "wired\r");
        HOSTILE.put("escape", "\u001b[31mwired");
        HOSTILE.put("bidi", "wired\u202e");
        HOSTILE.put("tab", "eth0\twlan0");
        HOSTILE.put("shell", "$(reboot)");
        HOSTILE.put("path", "../../etc/passwd");
        HOSTILE.put("percent", "%s%n%x");
        HOSTILE.put("long_70k", LONG);
        HOSTILE.put("empty", "");
        HOSTILE.put("space", " ");
    }

    private record Call(String name, String path, String iface, String member, String signature, Object... args) {
    }

    public static void main(String[] args) throws Exception {
        List<Call> calls = calls();
        try (DBusConnection bus = DBusConnectionBuilder.forSystemBus().withShared(false).build()) {
            for (Call c : calls) {
                Outcome o = call(bus, c);
                System.out.println(c.name() + "\t" + o.answer() + "\t" + o.ms());
            }
        }
    }

    /** The error name (or "accepted", "no-reply", "unsent:…"), and ms from the message going out to it. */
    private record Outcome(String answer, long ms) {
    }

    private static Outcome call(DBusConnection bus, Call c) {
        long sent = System.nanoTime();
        try {
            MethodCall m = bus.getMessageFactory().createMethodCall(BondtrayBus.BUS_NAME, c.path(), c.iface(),
                    c.member(), (byte) 0, c.signature(), c.args());
            // The time is the helper's: from the message going out to its answer, not this JVM's
            // marshalling of 3000 entries.
            sent = System.nanoTime();
            bus.sendMessage(m);
            Message reply = m.getReply(REPLY_WAIT_MS);
            String answer = reply == null ? "no-reply"
                    : reply instanceof org.freedesktop.dbus.messages.Error e ? e.getName() : "accepted";
            return new Outcome(answer, (System.nanoTime() - sent) / 1_000_000);
        } catch (Exception e) {
            return new Outcome("unsent:" + e.getClass().getSimpleName(), (System.nanoTime() - sent) / 1_000_000);
        }
    }

    static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        String bond = BondtrayBus.BOND_INTERFACE;
        // Each method with signatures it does not take (a method with none gets arguments).
        Map<String, String> takes = Map.of("Setup", "a{sv}", "SetPreference", "s", "SwitchTo", "s", "Confirm", "",
                "Disable", "");
        Map<String, Object[]> wrong = new LinkedHashMap<>();
        wrong.put("s", new Object[] {"eth0"});
        wrong.put("u", new Object[] {new UInt32(3)});
        wrong.put("i", new Object[] {-1});
        wrong.put("b", new Object[] {true});
        wrong.put("as", new Object[] {List.of("eth0", "wlan0")});
        wrong.put("ay", new Object[] {new byte[] {'e', 't', 'h', '0'}});
        wrong.put("ss", new Object[] {"eth0", "wlan0"});
        wrong.put("a{ss}", new Object[] {Map.of("Ports", "eth0")});
        wrong.put("v", new Object[] {new Variant<>("eth0")});
        wrong.put("a{sv}", new Object[] {Map.of(BondProperties.OPT_PREFERENCE, new Variant<>("wired"))});
        wrong.put("ssssssssssss", new Object[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"});
        for (String method : List.of("Setup", "SetPreference", "SwitchTo", "Confirm", "Disable")) {
            for (Map.Entry<String, Object[]> w : wrong.entrySet()) {
                if (!w.getKey().equals(takes.get(method))) {
                    calls.add(new Call("signature." + method + "." + w.getKey(), PATH, bond, method, w.getKey(),
                            w.getValue()));
                }
            }
            if (!takes.get(method).isEmpty()) {
                calls.add(new Call("signature." + method + ".none", PATH, bond, method, null));
            }
        }
        // Every hostile string as the one argument of SwitchTo and SetPreference.
        for (String method : List.of("SwitchTo", "SetPreference")) {
            for (Map.Entry<String, String> h : HOSTILE.entrySet()) {
                calls.add(new Call("string." + method + "." + h.getKey(), PATH, bond, method, "s", h.getValue()));
            }
        }
        calls.add(new Call("port.SwitchTo.bond0", PATH, bond, "SwitchTo", "s", "bond0"));
        // Every string option of Setup with every hostile string; the array options with them as
        // an element, and with lists that are hostile as a whole.
        for (String option : List.of(BondProperties.OPT_PRIMARY, BondProperties.OPT_PREFERENCE,
                BondProperties.OPT_ADDRESSING, BondProperties.OPT_FALLBACK_ADDRESS)) {
            for (Map.Entry<String, String> h : HOSTILE.entrySet()) {
                if (option.equals(BondProperties.OPT_FALLBACK_ADDRESS) && h.getValue().isEmpty()) {
                    continue; // empty removes the fallback: a valid change
                }
                calls.add(setup("setup." + option + "." + h.getKey(), Map.of(option, new Variant<>(h.getValue()))));
            }
        }
        for (String option : List.of(BondProperties.OPT_PORTS, BondProperties.OPT_ADDRESSES,
                BondProperties.OPT_GATEWAY, BondProperties.OPT_DNS, BondProperties.OPT_ROUTES)) {
            for (Map.Entry<String, String> h : HOSTILE.entrySet()) {
                calls.add(setup("setup." + option + "." + h.getKey(),
                        Map.of(option, new Variant<>(List.of(h.getValue()), "as"))));
            }
            calls.add(setup("setup." + option + ".3000_elements",
                    Map.of(option, new Variant<>(Collections.nCopies(3000, "eth0"), "as"))));
            calls.add(setup("setup." + option + ".wrong_type", Map.of(option, new Variant<>("eth0"))));
        }
        calls.add(setup("setup.Ports.same_twice", Map.of(BondProperties.OPT_PORTS,
                new Variant<>(List.of("eth0", "eth0"), "as"))));
        calls.add(setup("setup.Ports.bond0", Map.of(BondProperties.OPT_PORTS, new Variant<>(List.of("bond0"), "as"))));
        calls.add(setup("setup.Ports.lo", Map.of(BondProperties.OPT_PORTS, new Variant<>(List.of("lo"), "as"))));
        calls.add(setup("setup.Ports.lo_and_eth0", Map.of(BondProperties.OPT_PORTS,
                new Variant<>(List.of("eth0", "lo"), "as"))));
        calls.add(setup("setup.Primary.lo", Map.of(BondProperties.OPT_PRIMARY, new Variant<>("lo"))));
        calls.add(setup("setup.Addresses.hostname", Map.of(BondProperties.OPT_ADDRESSING, new Variant<>("static"),
                BondProperties.OPT_ADDRESSES, new Variant<>(List.of("router.bondtray.lab/24"), "as"))));
        calls.add(setup("setup.DNS.hostname", Map.of(BondProperties.OPT_DNS,
                new Variant<>(List.of("ns.example.com"), "as"))));
        for (String option : List.of(BondProperties.OPT_MIIMON, BondProperties.OPT_UPDELAY,
                BondProperties.OPT_DOWNDELAY, BondProperties.OPT_ROUTE_METRIC, BondProperties.OPT_CONFIRM_TIMEOUT)) {
            calls.add(setup("setup." + option + ".huge", Map.of(option, new Variant<>(new UInt32(4_000_000_000L)))));
            calls.add(setup("setup." + option + ".string", Map.of(option, new Variant<>("100"))));
            calls.add(setup("setup." + option + ".int32", Map.of(option, new Variant<>(-5))));
        }
        // Keys no option has.
        calls.add(setup("setup.key.unknown", Map.of("Colour", new Variant<>("blue"))));
        calls.add(setup("setup.key.newline", Map.of("Ports\n", new Variant<>(List.of("eth0"), "as"))));
        calls.add(setup("setup.key.long_70k", Map.of(LONG, new Variant<>("x"))));
        calls.add(setup("setup.key.empty", Map.of("", new Variant<>("x"))));
        calls.add(setup("setup.key.lower_case", Map.of("ports", new Variant<>(List.of("eth0"), "as"))));
        Map<String, Variant<?>> many = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            many.put("Key" + i, new Variant<>(i));
        }
        calls.add(setup("setup.key.3000_keys", many));
        // The read-only properties, written; properties and interfaces that do not exist.
        for (String p : List.of(BondProperties.STATE, BondProperties.STATE_REASON, BondProperties.NAME,
                BondProperties.PREFERENCE, BondProperties.ACTIVE_PORT, BondProperties.ACTIVE_SINCE,
                BondProperties.ADDRESSES, BondProperties.GATEWAY, BondProperties.DNS, BondProperties.PORTS,
                BondProperties.DHCP, BondProperties.NETWORK, BondProperties.CONFIRM_DEADLINE)) {
            calls.add(new Call("property.Set." + p, PATH, PROPERTIES, "Set", "ssv", bond, p, new Variant<>("wlan0")));
        }
        calls.add(new Call("property.Set.unknown", PATH, PROPERTIES, "Set", "ssv", bond, "Colour", new Variant<>("x")));
        calls.add(new Call("property.Set.newline", PATH, PROPERTIES, "Set", "ssv", bond, "State\n",
                new Variant<>("up")));
        calls.add(new Call("property.Set.signature", PATH, PROPERTIES, "Set", "ss", bond, "State"));
        calls.add(new Call("property.Get.unknown", PATH, PROPERTIES, "Get", "ss", bond, "Colour"));
        calls.add(new Call("property.Get.long_70k", PATH, PROPERTIES, "Get", "ss", bond, LONG));
        calls.add(new Call("property.Get.signature", PATH, PROPERTIES, "Get", "u", new UInt32(1)));
        // Objects, interfaces and methods that do not exist.
        for (String path : List.of("/org/bondtray/Helper/bond1", "/org/bondtray/Helper/lo", "/org/bondtray/Helper/eth0",
                "/org/bondtray/Helper/bond0/eth0", "/org/bondtray", "/", "/org/freedesktop/DBus")) {
            calls.add(new Call("object." + path, path, bond, "SwitchTo", "s", "wlan0"));
        }
        // Member names the bus accepts ([A-Za-z0-9_]): one it refuses would only cost this caller
        // its connection.
        for (String member : List.of("Reboot", "setup", "Setup2", "SwitchTo_", "Exec")) {
            calls.add(new Call("method." + member, PATH, bond, member, "s", "eth0"));
        }
        calls.add(new Call("interface.other", PATH, "org.bondtray.Bond2", "SwitchTo", "s", "nosuch0"));
        calls.add(new Call("interface.none", PATH, null, "SwitchTo", "s", "nosuch0"));
        return calls;
    }

    private static Call setup(String name, Map<String, Variant<?>> options) {
        return new Call(name, PATH, BondtrayBus.BOND_INTERFACE, "Setup", "a{sv}", options);
    }
}
