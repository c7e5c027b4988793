package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.bondtray.api.BondtrayBus;
import org.bondtray.helper.dhcp.Dhcpcd;
import org.bondtray.helper.kernel.SocketFamily;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The helper's system files parse and say what the code says: the same bus name, interface,
 * polkit actions and unit; and the unit keeps its hardening. DTDs are not fetched (no network),
 * the documents are checked for well-formedness and for their content.
 */
class DistFilesTest {
    private static final Path DIST = Path.of("src/dist");

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(file.toFile());
    }

    private static List<String> attributes(Document d, String element, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName(element);
        for (int i = 0; i < nodes.getLength(); i++) {
            String v = ((Element) nodes.item(i)).getAttribute(attribute);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    void busPolicyLetsOnlyRootOwnTheNameAndEveryoneCallTheApi() throws Exception {
        Document d = xml(DIST.resolve(BondtrayBus.BUS_NAME + ".conf"));
        Element rootPolicy = (Element) d.getElementsByTagName("policy").item(0);
        assertEquals("root", rootPolicy.getAttribute("user"));
        assertEquals(List.of(BondtrayBus.BUS_NAME), attributes(d, "allow", "own"));
        assertEquals(Set.of(BondtrayBus.BOND_INTERFACE, "org.freedesktop.DBus.Introspectable",
                "org.freedesktop.DBus.Properties", "org.freedesktop.DBus.Peer"),
                new TreeSet<>(attributes(d, "allow", "send_interface")));
        assertTrue(attributes(d, "allow", "send_destination").stream().allMatch(BondtrayBus.BUS_NAME::equals));
    }

    @Test
    void wpaSupplicantPolicyFragmentAdmitsNetdevToThePickersMethodsOnly() throws Exception {
        Document d = xml(DIST.resolve("org.bondtray.wpa-supplicant-users.conf"));
        Element policy = (Element) d.getElementsByTagName("policy").item(0);
        assertEquals("netdev", policy.getAttribute("group"));
        assertTrue(attributes(d, "allow", "send_destination").stream().allMatch(org.bondtray.wpa.Wpa.BUS_NAME::equals));
        assertEquals(List.of(), attributes(d, "allow", "own"), "nobody else may own wpa_supplicant's name");
        // Each rule names its method: what the picker calls, never CreateInterface (engine and
        // module paths load a library as root), RemoveInterface or setting a property.
        assertEquals(attributes(d, "allow", "send_destination").size(), attributes(d, "allow", "send_member").size());
        assertEquals(Set.of("Get", "GetAll", "Introspect", "GetInterface", "Scan", "AddNetwork", "SelectNetwork",
                "RemoveNetwork", "SaveConfig"), new TreeSet<>(attributes(d, "allow", "send_member")));
    }

    @Test
    void polkitHasOneActionPerPrivilegedVerb() throws Exception {
        Document d = xml(Path.of("polkit/org.bondtray.policy"));
        assertEquals(Set.of(BondtrayBus.ACTION_SWITCH, BondtrayBus.ACTION_CONFIGURE),
                new TreeSet<>(attributes(d, "action", "id")));
    }

    @Test
    void activationStartsTheSystemdUnit() throws Exception {
        List<String> service = Files.readAllLines(DIST.resolve(BondtrayBus.BUS_NAME + ".service"));
        assertTrue(service.contains("Name=" + BondtrayBus.BUS_NAME), service.toString());
        assertTrue(service.contains("SystemdService=bondtray-helper.service"), service.toString());
        assertTrue(Files.exists(DIST.resolve("bondtray-helper.service")));
    }

    @Test
    void theUnitIsHardened() throws Exception {
        List<String> unit = Files.readAllLines(DIST.resolve("bondtray-helper.service"));
        for (String line : List.of("Type=dbus", "BusName=" + BondtrayBus.BUS_NAME, "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes")) {
            assertTrue(unit.contains(line), "missing " + line);
        }
        assertFalse(unit.stream().anyMatch(l -> l.startsWith("MemoryDenyWriteExecute")), "the JIT needs W+X");
        assertTrue(unit.contains("SuccessExitStatus=143"), "a JVM stopped by SIGTERM exits 143: a stop, not a failure");
    }

    /**
     * The sandbox lets the helper open every socket it opens and take every capability those
     * and its signals to dhcpcd need, and nothing more: held to the code's own lists, not to the
     * unit's text of one day.
     */
    @Test
    void theUnitAllowsExactlyTheSocketsAndCapabilitiesTheCodeUses() throws Exception {
        List<String> unit = Files.readAllLines(DIST.resolve("bondtray-helper.service"));
        Set<String> families = new TreeSet<>();
        Set<String> capabilities = new TreeSet<>();
        for (SocketFamily f : SocketFamily.values()) {
            families.add(f.name());
            if (f.capability() != null) {
                capabilities.add(f.capability());
            }
        }
        capabilities.add(Dhcpcd.SIGNAL_CAPABILITY);
        assertEquals(families, values(unit, "RestrictAddressFamilies"));
        assertEquals(capabilities, values(unit, "CapabilityBoundingSet"));
        assertEquals(capabilities, values(unit, "AmbientCapabilities"));
    }

    /** Only the helper's one socket call opens sockets: a family added elsewhere would escape the list. */
    @Test
    void everySocketTheHelperOpensGoesThroughItsOneSocketCall() throws Exception {
        try (var files = Files.walk(Path.of("helper/src/main/java/org/bondtray/helper"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                if (!f.endsWith("Libc.java")) {
                    assertFalse(text.contains("SOCKET.invoke"), f + " opens a socket by itself");
                }
                for (String forbidden : List.of("new Socket(", "new DatagramSocket(", "SocketChannel.open(",
                        "DatagramChannel.open(", "NetworkInterface.")) {
                    assertFalse(text.contains(forbidden), f + " opens an AF_INET socket, which the unit forbids: " + forbidden);
                }
            }
        }
    }

    /** The words of a unit's setting, over all its lines. */
    private static Set<String> values(List<String> unit, String key) {
        Set<String> out = new TreeSet<>();
        for (String l : unit) {
            if (l.startsWith(key + "=")) {
                out.addAll(List.of(l.substring(key.length() + 1).trim().split("\\s+")));
            }
        }
        return out;
    }

    /** dhcpcd's own unit runs what the helper would run as a child, from the file the helper writes. */
    @Test
    void dhcpcdHasAUnitOfItsOwnReadingTheHelpersConfiguration() throws Exception {
        List<String> unit = Files.readAllLines(DIST.resolve(org.bondtray.helper.dhcp.SystemdLauncher.UNIT_TEMPLATE));
        Dhcpcd.Paths system = Dhcpcd.Paths.system();
        assertTrue(unit.contains("ExecStart=" + system.binary() + " --config " + system.configDir()
                + "/dhcpcd-%i.conf --nobackground %i"), unit.toString());
        assertTrue(unit.contains("Restart=no"), "the helper restarts it, with its pauses");
        List<String> helper = Files.readAllLines(DIST.resolve("bondtray-helper.service"));
        List<String> runtime = helper.stream().filter(l -> l.startsWith("RuntimeDirectory="))
                .flatMap(l -> List.of(l.substring("RuntimeDirectory=".length()).split(" ")).stream()).toList();
        assertTrue(runtime.contains(system.configDir().getFileName().toString()), helper.toString());
        // ProtectSystem=strict: systemd-networkd's runtime folder is writable only as one of the unit's own.
        assertTrue(runtime.contains("systemd/network"), helper.toString());
        assertTrue(runtime.contains("NetworkManager/conf.d"), "NetworkManager's per-boot configuration");
        assertTrue(helper.contains("RuntimeDirectoryPreserve=yes"), "dhcpcd keeps its file over a helper restart");
    }
}
