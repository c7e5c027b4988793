package org.bondtray.lab.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code dpkg -i} of a newer Bondtray while the bond carries traffic: the maintainer scripts stop
 * and start the helper and nothing else. The newer package is the build's own with a higher
 * version (unpacked, its version raised, packed again), so the scripts run as in a real upgrade:
 * prerm upgrade, then postinst configure with the old version. A downgrade runs the same scripts
 * with the same arguments' kinds and cost a minute of the CI's budget, so it is not tried here.
 */
final class PackageUpgrade {
    private static final Path WORK = Path.of("/run/bondtray-upgrade");

    private PackageUpgrade() {
    }

    static void run(Lab lab, Results r, Path deb) throws Exception {
        Cmd cmd = lab.cmd();
        Path tree = WORK.resolve("tree");
        Path newer = WORK.resolve("bondtray-newer.deb");
        Files.createDirectories(WORK);
        cmd.run("dpkg-deb", "-R", deb.toString(), tree.toString());
        Path control = tree.resolve("DEBIAN/control");
        String version = Files.readAllLines(control).stream().filter(l -> l.startsWith("Version: ")).findFirst()
                .orElseThrow().substring("Version: ".length());
        Files.writeString(control, Files.readString(control).replace("Version: " + version, "Version: " + version + "+lab1"));
        // Not compressed: the emulated CPU would spend minutes on it.
        cmd.run("dpkg-deb", "-Znone", "--build", tree.toString(), newer.toString());
        r.put("upgrade.from", version).put("upgrade.to", version + "+lab1");
        step(lab, r, "upgrade", newer);
    }

    /** One {@code dpkg -i} under traffic: what changed, what must not have. */
    private static void step(Lab lab, Results r, String key, Path deb) throws Exception {
        Cmd cmd = lab.cmd();
        String address = String.join(" ", lab.net().addresses("bond0", 4));
        long dhcpcd = mainPid(cmd, "bondtray-dhcpcd@bond0.service");
        long helper = mainPid(cmd, HelperProcess.UNIT);
        int starts = starts(cmd);
        TrafficProbe probe = lab.probe(20);
        Cmd.Result install;
        long t0 = System.nanoTime();
        try {
            // Without dpkg's fsync after each file (--force-unsafe-io): it guards an unpack against a
            // power cut, which is not what this step tries, and on the lab's emulated disk it cost
            // 12 s and 5 s of the 51 s and 61 s the two dpkg -i took. The maintainer scripts run as
            // they always do.
            install = cmd.tryRun("dpkg", "--force-unsafe-io", "-i", deb.toString());
            r.put(key + ".dpkg_ms", (System.nanoTime() - t0) / 1_000_000).put(key + ".exit", install.exit());
            // Asked over the lab's own bus connection: a command line's JVM per look would cost
            // seconds each under emulation.
            r.put(key + ".helper_back_ms", Wait.untilOrTimeout(Duration.ofSeconds(90), Duration.ofMillis(250),
                    () -> mainPid(cmd, HelperProcess.UNIT) != helper && HelperProcess.onBus(cmd) && BondReadings.up(lab)));
            // A few seconds of traffic on the new helper's watch.
            Wait.sleep(Duration.ofSeconds(3));
        } finally {
            r.putLoss(key, probe.stop());
        }
        String output = (install.out() + install.err()).strip();
        r.put(key + ".output", output.length() > 400 ? "…" + output.substring(output.length() - 400) : output)
                .put(key + ".version", cmd.tryRun("dpkg-query", "-W", "-f=${Version}", "bondtray").out().strip())
                .put(key + ".same_address", address.equals(String.join(" ", lab.net().addresses("bond0", 4))))
                .put(key + ".address", address)
                .put(key + ".same_dhcpcd", dhcpcd > 0 && dhcpcd == mainPid(cmd, "bondtray-dhcpcd@bond0.service"))
                .put(key + ".new_helper", mainPid(cmd, HelperProcess.UNIT) != helper)
                .put(key + ".helper_starts", starts(cmd) - starts);
    }

    private static long mainPid(Cmd cmd, String unit) {
        String out = cmd.tryRun("systemctl", "show", "--property=MainPID", "--value", unit).out().strip();
        return out.isEmpty() ? -1 : Long.parseLong(out);
    }

    /** How often systemd has started the helper this boot, as its journal says. */
    private static int starts(Cmd cmd) {
        return (int) Units.journal(cmd, HelperProcess.UNIT).lines()
                .filter(l -> l.contains("Started bondtray-helper.service")).count();
    }
}
