package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Echo requests that left through the cable with the Wi-Fi's MAC as their source. On a restore
 * the kernel makes the cable the active port a moment before it gives the bond the cable's MAC
 * (bond_change_active_slave: curr_active_slave first, then both ports' flags with their
 * notifications, then fail_over_mac's address change). A request sent in between goes out with
 * the old address; its reply comes back through the cable addressed to the Wi-Fi and the stack
 * drops it as another host's. Microseconds on hardware; tens of ms when an emulated CPU stalls
 * in there. Only that window's frames match the capture filter, so it costs nothing otherwise.
 */
final class OldMacWatch implements AutoCloseable {
    private static final String LOG = "tcpdump-old-mac";
    private static final Pattern SEQ = Pattern.compile("ICMP echo request, id \\d+, seq (\\d+),");

    private final Path log;
    private final Process tcpdump;

    OldMacWatch(Lab lab, String cable, String wifi) throws IOException {
        String wifiMac = Files.readString(Path.of("/sys/class/net", wifi, "address")).strip();
        log = lab.cmd().logDir().resolve(LOG + ".log");
        tcpdump = lab.cmd().start(LOG, "tcpdump", "-i", cable, "-n", "-l", "-Q", "out",
                "ether", "src", wifiMac, "and", "icmp");
        Wait.until("tcpdump to listen on " + cable, Duration.ofSeconds(30), () -> text().contains("listening on"));
    }

    /** Sequence numbers of the echo requests seen so far. */
    Set<Integer> echoRequests() {
        Set<Integer> seqs = new TreeSet<>();
        Matcher m = SEQ.matcher(text());
        while (m.find()) {
            seqs.add(Integer.parseInt(m.group(1)));
        }
        return seqs;
    }

    private String text() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        tcpdump.destroy();
    }
}
