package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bondtray.api.Bond;
import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.bondtray.net.NetSysfs;
import org.bondtray.testing.PrivateBus;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Introspectable;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a kernel without the bonding driver (this machine's own), the real helper on a real bus
 * starts, says {@code unsupported} with the reason, and still answers every call correctly.
 */
class UnsupportedKernelTest {

    @Test
    void reportsUnsupportedAndAnswersCalls(@TempDir Path dir) throws Exception {
        PrivateBus.assumeAvailable();
        Assumptions.assumeFalse(NetSysfs.system().bondingLoaded(), "this kernel has bonding; the lab covers it");
        Assumptions.assumeTrue("0".equals(uid()), "needs root: the helper asks the kernel to make a bond");
        try (PrivateBus bus = new PrivateBus(dir);
             HelperMain.Running helper = HelperMain.start(bus.address(), dir.resolve("etc"), NetSysfs.system());
             DBusConnection client = DBusConnectionBuilder.forAddress(bus.address()).build()) {
            String path = BondtrayBus.bondPath(BondtrayBus.DEFAULT_BOND);
            Properties props = client.getRemoteObject(BondtrayBus.BUS_NAME, path, Properties.class);
            Map<String, Variant<?>> all = props.GetAll(BondtrayBus.BOND_INTERFACE);
            assertEquals("unsupported", all.get(BondProperties.STATE).getValue());
            assertTrue(((String) all.get(BondProperties.STATE_REASON).getValue()).contains("no bonding driver"),
                    String.valueOf(all.get(BondProperties.STATE_REASON).getValue()));
            assertEquals("bond0", all.get(BondProperties.NAME).getValue());

            String xml = client.getRemoteObject(BondtrayBus.BUS_NAME, path, Introspectable.class).Introspect();
            assertTrue(xml.contains(BondtrayBus.BOND_INTERFACE) && xml.contains("Switchover"), xml);

            Bond bond = client.getRemoteObject(BondtrayBus.BUS_NAME, path, Bond.class);
            DBusExecutionException bad = assertThrows(DBusExecutionException.class, () -> bond.SetPreference("fastest"));
            assertEquals(BondtrayBus.ERROR_INVALID_ARGS, bad.getType(), bad.getMessage());
            // What a client in another language sees on the wire: the D-Bus error name itself.
            Process send = new ProcessBuilder("dbus-send", "--bus=" + bus.address(), "--print-reply",
                    "--dest=" + BondtrayBus.BUS_NAME, path, BondtrayBus.BOND_INTERFACE + ".SetPreference",
                    "string:../../etc;rm -rf /").redirectErrorStream(true).start();
            String wire = new String(send.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(wire.contains("Error " + BondtrayBus.ERROR_INVALID_ARGS + ":"), wire);
            assertTrue(!wire.contains("rm -rf"), "the message does not echo what the caller sent: " + wire);
            // Wrong D-Bus types or count: the helper's typed error naming what the method takes,
            // not the bus library's "method does not exist".
            String wrongType = dbusSend(bus, path, "SetPreference", "uint32:3");
            assertTrue(wrongType.contains("Error " + BondtrayBus.ERROR_INVALID_ARGS + ": SetPreference takes arguments"
                    + " of D-Bus type (s)"), wrongType);
            String wrongSetup = dbusSend(bus, path, "Setup", "string:eth0");
            assertTrue(wrongSetup.contains("Error " + BondtrayBus.ERROR_INVALID_ARGS + ": Setup takes arguments"
                    + " of D-Bus type (a{sv})"), wrongSetup);
            String twoArgs = dbusSend(bus, path, "SwitchTo", "string:eth0", "string:wlan0");
            assertTrue(twoArgs.contains("Error " + BondtrayBus.ERROR_INVALID_ARGS + ":"), twoArgs);
            String noSuchMethod = dbusSend(bus, path, "Explode");
            assertTrue(noSuchMethod.contains("UnknownMethod"), noSuchMethod);
            // No polkit on this bus: a well-formed change is refused, never carried out.
            DBusExecutionException denied = assertThrows(DBusExecutionException.class, () -> bond.SetPreference("wired"));
            assertEquals(BondtrayBus.ERROR_NOT_AUTHORIZED, denied.getType(), denied.getMessage());
            assertEquals("unsupported", props.Get(BondtrayBus.BOND_INTERFACE, BondProperties.STATE));
        }
    }

    /** dbus-send's output for one call: method, then typed arguments. */
    private static String dbusSend(PrivateBus bus, String path, String method, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("dbus-send", "--bus=" + bus.address(), "--print-reply",
                "--dest=" + BondtrayBus.BUS_NAME, path, BondtrayBus.BOND_INTERFACE + "." + method));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String uid() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
    }

}
