package org.bondtray.lab.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;

/**
 * The lab's program inside the VM: builds the topology once, then runs the scenarios one after
 * the other, each from a clean laptop, writing {@code <scenario>.properties} for the host.
 * {@code topology.properties} says whether the topology itself came up.
 */
public final class LabGuest {
    private LabGuest() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        GuestControl control = GuestControl.read(out);
        Cmd cmd = new Cmd(out);
        Topology net = new Topology(cmd, control);
        Results topo = new Results();
        // Boot to ready: the kernel's clock when the lab's program starts (init and services done).
        topo.put("ready_uptime_ms", (long) (Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]) * 1000));
        long start = System.nanoTime();
        try {
            net.build();
            topo.put("build_ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | Error e) {
            topo.fail(e);
            topo.write(out.resolve("topology.properties"));
            net.shutdown();
            System.exit(1);
        }
        topo.write(out.resolve("topology.properties"));

        try (DBusConnection bus = DBusConnectionBuilder.forSystemBus().build()) {
            Lab lab = new Lab(cmd, control, net, bus, new WifiStation(bus), new PlainBond(cmd), new DhcpClient(cmd, net));
            List<Map.Entry<String, Scenario>> chosen = Scenarios.all().entrySet().stream().filter(e ->
                    Scenarios.named(control.scenarios(), e.getKey(), e.getValue())
                            || control.scenarios().isEmpty() && !Scenarios.ON_REQUEST.contains(e.getKey())).toList();
            for (int i = 0; i < chosen.size(); i++) {
                Scenario s = chosen.get(i).getValue();
                boolean last = i + 1 == chosen.size()
                        || Scenarios.stage(chosen.get(i + 1).getValue()) != Scenarios.stage(s);
                // Only a scenario that does without the product may have removed it.
                boolean restore = s.needsProduct() && i > 0 && !chosen.get(i - 1).getValue().needsProduct();
                run(lab, chosen.get(i).getKey(), s, out, last, restore);
            }
        } finally {
            net.shutdown();
        }
        System.exit(0);
    }

    /**
     * Runs one scenario and writes what it measured. {@code lastOfItsSet}: no scenario that shares
     * its set-up follows, so the lab resets after it. {@code restoreProduct}: the scenario before
     * it may have removed the installed package, which this one needs.
     */
    private static void run(Lab lab, String name, Scenario scenario, Path out, boolean lastOfItsSet,
            boolean restoreProduct) {
        lab.cmd().note("### scenario " + name);
        Results r = new Results();
        long start = System.nanoTime();
        CpuAccount cpu = new CpuAccount();
        try {
            if (restoreProduct) {
                lab.net().restoreProduct();
            }
            scenario.run(lab, r);
        } catch (Exception | Error e) {
            r.fail(e);
        } finally {
            r.put("wall_ms", (System.nanoTime() - start) / 1_000_000);
            cpu.report(r);
            if (lastOfItsSet) {
                try {
                    if (scenario instanceof HelperLaptop.Staged s) {
                        s.laptop().leave();
                    }
                    lab.reset();
                } catch (RuntimeException e) {
                    r.put("reset.error", e.toString());
                }
            }
            // The journal of the helper and its dhcpcd up to here, for whoever reads a failure:
            // at the end of a set, or where a scenario of it failed.
            if (lastOfItsSet || r.failed()) {
                Units.keepJournal(lab.cmd(), HelperProcess.UNIT);
                Units.keepJournal(lab.cmd(), "bondtray-dhcpcd@*.service");
                Units.keepCrashReports(lab.cmd());
                lab.net().session().keepLogs();
            }
            r.write(out.resolve(name + ".properties"));
            try {
                Files.writeString(out.resolve("progress"), name + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException ignored) {
                // progress is a courtesy for whoever watches the run
            }
        }
    }
}
