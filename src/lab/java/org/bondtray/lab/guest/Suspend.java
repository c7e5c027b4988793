package org.bondtray.lab.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.freedesktop.dbus.interfaces.Properties;

/**
 * The laptop sleeps and wakes up as a user's does: {@code systemctl suspend}, so logind sends its
 * PrepareForSleep and systemd-sleep has the kernel freeze every process. The kernel's
 * {@code pm_test} is set to "freezer": the processes stay frozen for the test's delay and are
 * thawed, and no device is suspended, so the lab's 9p root file system survives (QEMU's S3 and
 * system_wakeup may reset it). Four cases: nothing changed; the cable pulled while logind says
 * the machine sleeps; the cable plugged in while it sleeps (the lab acts at PrepareForSleep;
 * frozen itself, it may finish only once thawed, which is the same to the helper); and the lease
 * over while it sleeps. Each measures the wake-up to the router's answer, and what alice's tray
 * said.
 *
 * <p>The lease's case: the freezer keeps time running, so dhcpcd itself would see an hour pass
 * only if the lab slept an hour. What a night does to the lease is done to the server instead,
 * as the laptop goes to sleep: it forgets every lease and gives out other addresses, as one does
 * whose leases ran out while their addresses went to other machines. dhcpcd, after a real suspend, still counts its lease
 * as good (its clock stopped with the machine) and would keep the old address until it renews on
 * its own, half an hour later; the case measures the wake-up to the server's new address.
 */
final class Suspend {
    private static final Path PM_TEST = Path.of("/sys/power/pm_test");
    private static final Path PM_TEST_DELAY = Path.of("/sys/module/suspend/parameters/pm_test_delay");
    /** What the LAN's server gives out after the night in the lease's case: none of it before. */
    private static final String NEXT_RANGE = "192.168.50.200,192.168.50.249";
    private static final String NEXT_PREFIX = "192.168.50.2";
    private static final String EXPIRED = "sleep.expired";
    /** The tray holds notices back this long after a wake-up (SleepQuiet.SETTLE), plus a margin. */
    private static final Duration SETTLED = Duration.ofSeconds(13);

    private final Lab lab;
    private final Results r;
    private final Properties bond;
    private final String wlan;
    private final DesktopSession alice;
    private int sleeps;

    Suspend(Lab lab, Results r, Properties bond, String wlan, DesktopSession alice) {
        this.lab = lab;
        this.r = r;
        this.bond = bond;
        this.wlan = wlan;
        this.alice = alice;
    }

    void run() throws Exception {
        Cmd cmd = lab.cmd();
        Wait.until("the bond on the cable before the sleep", Duration.ofSeconds(60), Duration.ofMillis(250),
                () -> Topology.WIRED.equals(BondReadings.active(bond)) && OfficeWalk.answers(cmd, Topology.ROUTER));
        Files.writeString(PM_TEST, "freezer");
        if (Files.exists(PM_TEST_DELAY)) {
            Files.writeString(PM_TEST_DELAY, "5");
        }
        Process signals = cmd.start("sleep-signals", "dbus-monitor", "--system",
                "type='signal',interface='org.freedesktop.login1.Manager',member='PrepareForSleep'");
        Wait.sleep(Duration.ofSeconds(2));
        try {
            sleepAndWake("sleep.quiet", null);
            r.put("sleep.quiet.active", BondReadings.active(bond));
            sleepAndWake("sleep.cut", () -> lab.net().cutCable());
            r.put("sleep.cut.active", BondReadings.active(bond));
            sleepAndWake("sleep.plug", () -> lab.net().restoreCable());
            r.put("sleep.plug.active", BondReadings.active(bond));
            r.put("sleep.expired.address_before", String.join(" ", lab.net().addresses("bond0", 4)));
            // Done just before the sleep rather than during it: the lab sleeps with the laptop,
            // and a server still starting at the wake-up would miss the helper's renewal (the
            // lab's first run of this case). Nothing asks the server in between: dhcpcd's own
            // renewal is half an hour away.
            lab.net().lanDhcpForgets(NEXT_RANGE);
            sleepAndWake(EXPIRED, null);
            r.put("sleep.expired.active", BondReadings.active(bond));
            r.put("sleep.helper_said", HelperProcess.log(cmd).lines().filter(l -> l.contains("woke up")).count());
        } finally {
            Cmd.stop(signals, Duration.ofSeconds(5));
            Files.writeString(PM_TEST, "none");
            lab.net().restartLanDhcp();
            lab.net().restoreCable();
            Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(250),
                    () -> Topology.WIRED.equals(BondReadings.active(bond)));
        }
    }

    /**
     * One sleep: its length by the lab's clock, the wake-up (seen after the thaw) to the router's
     * answer through the bond, and the notices alice's tray showed until it settled.
     */
    private void sleepAndWake(String key, Runnable whileAsleep) throws Exception {
        Cmd cmd = lab.cmd();
        sleeps++;
        String notices = key.replace('.', '-') + "-notify";
        Process notes = alice.watchNotifications(notices);
        long t0 = System.nanoTime();
        cmd.run("systemctl", "suspend");
        if (whileAsleep != null) {
            Wait.until("logind's PrepareForSleep(true)", Duration.ofSeconds(30), Duration.ofMillis(20),
                    () -> said("boolean true") >= sleeps);
            whileAsleep.run();
        }
        Wait.until("the wake-up (PrepareForSleep(false))", Duration.ofSeconds(90), Duration.ofMillis(100),
                () -> said("boolean false") >= sleeps);
        long woke = System.nanoTime();
        r.put(key + ".slept_ms", (woke - t0) / 1_000_000);
        r.put(key + ".router_ms", Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> OfficeWalk.answers(cmd, Topology.ROUTER)));
        if (key.equals(EXPIRED)) {
            long waited = Wait.untilOrTimeout(Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> lab.net().addresses("bond0", 4).stream().anyMatch(a -> a.startsWith(NEXT_PREFIX)));
            r.put(key + ".new_lease_ms", waited < 0 ? waited : (System.nanoTime() - woke) / 1_000_000);
        }
        r.put(key + ".address", String.join(" ", lab.net().addresses("bond0", 4)));
        Wait.sleep(SETTLED);
        Cmd.stop(notes, Duration.ofSeconds(5));
        List<String> shown = alice.notifications(notices);
        r.put(key + ".notices", String.join(" | ", shown)).put(key + ".notice_count", shown.size());
    }

    /** How many PrepareForSleep signals carried {@code value} so far. */
    private long said(String value) {
        return BondReadings.readFile(lab.cmd().logDir().resolve("sleep-signals.log").toString()).lines()
                .filter(l -> l.strip().equals(value)).count();
    }
}
