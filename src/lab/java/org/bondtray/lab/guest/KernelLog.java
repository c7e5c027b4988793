package org.bondtray.lab.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switchovers timed by the kernel's own log, where both ends are stamped by the kernel itself.
 * {@link KernelClock}'s link events carry the time iproute2 read them, so a process woken late
 * under emulation moves both ends; here the start is the bridge's message as the cable's far end
 * goes down or up (the same call takes the laptop's carrier away or gives it back: the two ends
 * of a veth) and the end is the bonding driver's "making interface the new active one".
 */
final class KernelLog {
    private static final Pattern LINE = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})] (.*)$");

    private KernelLog() {
    }

    /** The log as {@code dmesg} prints it, from its line {@code from} on. */
    static List<String> since(Cmd cmd, int from) {
        List<String> all = cmd.run("dmesg").lines().toList();
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** How many lines the log holds now: where {@link #since} starts the next reading. */
    static int length(Cmd cmd) {
        return (int) cmd.run("dmesg").lines().count();
    }

    /**
     * For each line that contains {@code start}, the ms until the next line that contains
     * {@code end} (within the next {@code start}); starts without an end are left out.
     */
    static List<Double> intervals(List<String> log, String start, String end) {
        List<Double> out = new ArrayList<>();
        long startedAt = -1;
        for (String line : log) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long micros = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2));
            if (m.group(3).contains(start)) {
                startedAt = micros;
            } else if (startedAt >= 0 && m.group(3).contains(end)) {
                out.add((micros - startedAt) / 1000.0);
                startedAt = -1;
            }
        }
        return out;
    }

    /** The bridge's message as the cable's far end goes down ({@code up} false) or comes up. */
    static String cableEnd(String peer, boolean up) {
        return "(" + peer + ") entered " + (up ? "forwarding" : "disabled") + " state";
    }

    /** The bonding driver's message as it makes {@code port} of {@code bond} the active one. */
    static String madeActive(String bond, String port) {
        return bond + ": (slave " + port + "): making interface the new active one";
    }
}
