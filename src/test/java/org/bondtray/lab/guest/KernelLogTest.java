package org.bondtray.lab.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Switchovers read from the kernel's log as dmesg prints it (lines from a benchmark run). */
class KernelLogTest {
    private static final List<String> LOG = """
            [  493.042960] br-lan: port 1(wire) entered disabled state
            [  493.051590] bond0: (slave wlan0): making interface the new active one
            [  493.078109] bond0: (slave eth0): link status definitely down, disabling slave
            [  495.100000] br-lan: port 1(wire) entered blocking state
            [  495.100300] br-lan: port 1(wire) entered forwarding state
            [  495.200000] bond0: (slave eth0): link status up, enabling it in 500 ms
            [  495.671050] bond0: (slave eth0): making interface the new active one
            [  497.000000] br-lan: port 1(wire) entered disabled state
            [  499.000000] br-lan: port 1(wire) entered disabled state
            [  499.006500] bond0: (slave wlan0): making interface the new active one
            """.lines().toList();

    @Test
    void eachCutIsTimedFromTheCablesFarEndToTheBondsNewActivePort() {
        assertEquals(List.of(8.63, 6.5), KernelLog.intervals(LOG, KernelLog.cableEnd("wire", false),
                KernelLog.madeActive("bond0", "wlan0")).stream().map(v -> Math.round(v * 100) / 100.0).toList(),
                "a cut whose end the log does not show is left out, not paired with a later one");
    }

    @Test
    void eachRestoreIsTimedToTheCableMadeActive() {
        assertEquals(List.of(570.75), KernelLog.intervals(LOG, KernelLog.cableEnd("wire", true),
                KernelLog.madeActive("bond0", "eth0")));
    }
}
