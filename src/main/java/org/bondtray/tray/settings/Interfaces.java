package org.bondtray.tray.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The interfaces a user may bond, as sysfs shows them to anyone: Ethernet-type links that are
 * not themselves a bond, a bridge or the loopback. Adapters (backed by a device) come before
 * virtual links, wired before Wi-Fi.
 */
public final class Interfaces {
    /** One candidate; {@code adapter}: backed by a device, not a virtual link. */
    public record Candidate(String name, boolean wireless, boolean adapter) {
    }

    private static final int ARPHRD_ETHER = 1;

    private Interfaces() {
    }

    public static List<Candidate> detect(Path sysClassNet) {
        List<Candidate> out = new ArrayList<>();
        try (Stream<Path> links = Files.list(sysClassNet)) {
            for (Path l : links.sorted().toList()) {
                if (type(l) != ARPHRD_ETHER || Files.exists(l.resolve("bonding")) || Files.exists(l.resolve("bridge"))) {
                    continue;
                }
                out.add(new Candidate(l.getFileName().toString(),
                        Files.exists(l.resolve("wireless")) || Files.exists(l.resolve("phy80211")),
                        Files.exists(l.resolve("device"))));
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.adapter()).thenComparing(Candidate::wireless));
        return out;
    }

    private static int type(Path link) {
        try {
            return Integer.parseInt(read(link.resolve("type")));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
