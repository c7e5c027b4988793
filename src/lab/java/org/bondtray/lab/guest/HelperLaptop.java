package org.bondtray.lab.guest;

import static org.bondtray.lab.guest.BondReadings.active;
import static org.bondtray.lab.guest.BondReadings.dhcpField;
import static org.bondtray.lab.guest.BondReadings.portField;
import static org.bondtray.lab.guest.BondReadings.ports;
import static org.bondtray.lab.guest.BondReadings.props;
import static org.bondtray.lab.guest.BondReadings.state;

import java.time.Duration;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.interfaces.Properties;

/**
 * The laptop the helper's scenarios share: one helper, which the bus started as a client's first
 * call does, and the bond it made. Each scenario names where it starts, and the laptop is brought
 * there before it runs: so a scenario stands alone, and one that fails, or changes the
 * configuration, costs the next one a fresh setup, not its figures. When everything is as the
 * next scenario needs it, bringing it there costs a few property reads.
 */
final class HelperLaptop {
    /** Where a scenario starts. */
    enum Start {
        /** As the lab left the laptop: no helper running, no configuration, the Wi-Fi on the LAN. */
        NOTHING,
        /** The bond from a plain {@code bondtray setup}, up, with a lease, the cable carrying, the Wi-Fi its backup. */
        BONDED,
        /** The helper running with no bond, the Wi-Fi under wpa_supplicant on the LAN. */
        UNBONDED
    }

    /** One scenario's acts and measures, on this laptop. */
    interface Step {
        Record run(HelperLaptop laptop) throws Exception;
    }

    /** A scenario of this laptop's set: it runs from {@code start}, and the lab resets only around the set. */
    record Staged(HelperLaptop laptop, Start start, boolean changesConfiguration, Step step) implements Scenario {
        @Override
        public void run(Lab lab, Results results) throws Exception {
            laptop.run(lab, results, this);
        }
    }

    /** The name of the set: running it by name runs all of its scenarios. */
    final String name;
    private Lab lab;
    private HelperProcess helper;
    private SwitchoverLog signals;
    /** The last scenario failed or changed the configuration: the next starts from a fresh setup. */
    private boolean repair;
    /** The last scenario failed (not only changed the configuration). */
    private boolean failed;
    /** The configuration file a plain setup wrote, once one is known; null before. */
    private String plainConfig;

    HelperLaptop(String name) {
        this.name = name;
    }

    Scenario scenario(Start start, Step step) {
        return new Staged(this, start, false, step);
    }

    /** A scenario that changes the configuration: the next one's bond is set up afresh. */
    Scenario changing(Start start, Step step) {
        return new Staged(this, start, true, step);
    }

    private void run(Lab lab, Results results, Staged scenario) throws Exception {
        if (this.lab == null) {
            this.lab = lab;
            this.helper = new HelperProcess(lab.cmd());
            this.signals = new SwitchoverLog(lab.systemBus());
        }
        boolean ok = false;
        try {
            bringTo(scenario.start());
            results.record(scenario.step().run(this));
            ok = true;
        } finally {
            repair = !ok || scenario.changesConfiguration();
            failed = !ok;
        }
    }

    Lab lab() {
        return lab;
    }

    HelperProcess helper() {
        return helper;
    }

    SwitchoverLog signals() {
        return signals;
    }

    /** The Wi-Fi adapter by its name now (it may come back under another after an unplug). */
    String wlan() {
        return lab.net().wifiInterface(0);
    }

    /** The bond's properties, read anew on each call of the proxy. */
    Properties bond() {
        return props(lab);
    }

    /** The end of the set: the helper stops, and the lab resets the rest. */
    void leave() {
        if (signals != null) {
            try {
                signals.close();
            } catch (Exception e) {
                // the lab resets the bus connection's handlers anyway; nothing to keep
            }
            signals = null;
        }
        if (helper != null) {
            helper.stop();
        }
        lab = null;
    }

    private void bringTo(Start start) throws Exception {
        switch (start) {
            case NOTHING -> lab.wifi().connect(wlan(), AccessPoint.LAN_WPA2);
            case BONDED -> bonded();
            case UNBONDED -> unbonded();
        }
    }

    private void bonded() throws Exception {
        // A scenario that changed the configuration and put the plain one back (a good setup to
        // end on) costs no fresh setup: the checks below see to the rest. One that failed does.
        if (repair && (failed || plainConfig == null || !plainConfig.equals(config()))) {
            unbonded();
        } else if (repair) {
            lab.net().rfkill(0, false);
        }
        lab.net().restoreCable();
        onBus();
        Properties bond = bond();
        String wlan = wlan();
        if (!"up".equals(state(bond)) || !ports(lab).contains(Topology.WIRED) || !ports(lab).contains(wlan)) {
            onTheLan(wlan);
            asRoot("Setup", "@a{sv} {}");
            Wait.until("the bond to be up", Duration.ofSeconds(90), Duration.ofMillis(50), () -> "up".equals(state(bond)));
        } else if (!AccessPoint.LAN_WPA2.ssid().equals(lab.wifi().currentSsid(wlan))) {
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        }
        Wait.until("a lease on the bond", Duration.ofSeconds(90), Duration.ofMillis(100),
                () -> "running".equals(dhcpField(bond, BondProperties.DHCP_STATE))
                        && !lab.net().addresses(PlainBond.NAME, 4).isEmpty());
        Wait.until(wlan + " to be a working backup", Duration.ofSeconds(90),
                () -> "backup".equals(portField(bond, wlan, BondProperties.PORT_ROLE)));
        Wait.until("the cable to carry the traffic", Duration.ofSeconds(30), () -> Topology.WIRED.equals(active(bond)));
        if (plainConfig == null) {
            plainConfig = config();
        }
    }

    /** The helper's configuration file now; "" if there is none. */
    private static String config() {
        return BondReadings.readFile(HelperProcess.CONFIG_DIR + "/bondtray.conf");
    }

    private void unbonded() throws Exception {
        lab.net().restoreCable();
        if (repair) {
            lab.net().rfkill(0, false);
        }
        onBus();
        if (lab.cmd().tryRun("ip", "link", "show", PlainBond.NAME).exit() == 0) {
            asRoot("Disable");
            Wait.until("the bond to be gone", Duration.ofSeconds(60),
                    () -> lab.cmd().tryRun("ip", "link", "show", PlainBond.NAME).exit() != 0);
        }
        onTheLan(wlan());
    }

    /**
     * Calls the helper as root, whom polkit never asks: the set-up is not what a scenario proves,
     * and alice's password dialog costs 10-18 s under the lab's emulation each time.
     */
    private void asRoot(String method, String... args) {
        Cmd.Result r = lab.cmd().tryRun(HelperProcess.gdbus(90, BondtrayBus.BOND_INTERFACE + "." + method, args));
        if (r.exit() != 0) {
            throw new IllegalStateException("the set-up's " + method + " failed: " + (r.out() + r.err()).strip());
        }
    }

    private void onBus() {
        if (!helper.onBus()) {
            helper.start();
        }
    }

    private void onTheLan(String wlan) throws Exception {
        if (!lab.wifi().completed(wlan) || !AccessPoint.LAN_WPA2.ssid().equals(lab.wifi().currentSsid(wlan))) {
            lab.wifi().connect(wlan, AccessPoint.LAN_WPA2);
        }
    }
}
