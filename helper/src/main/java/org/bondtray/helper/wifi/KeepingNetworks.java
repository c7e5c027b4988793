package org.bondtray.helper.wifi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.bondtray.helper.config.AtomicFile;

/**
 * Which Wi-Fi networks reach the cable's own network, so that unplugging keeps every connection:
 * each same-network verdict says so of the Wi-Fi network it was judged on, each different-network
 * verdict says the opposite. A cable's network is known by who answers for its gateway (the
 * gateway's MAC), so the office's networks are remembered apart from home's. Kept in a file of
 * the configuration folder, a line per network: the gateway's MAC, a tab, the SSID as shown
 * (control characters escaped, so a line is a line); and a line {@code cable<TAB>MAC} for the
 * network the cable was last on, which the preference is for until the next verdict.
 *
 * <p>Used on the helper's worker alone, which owns the helper's state: it has no lock.
 */
public final class KeepingNetworks {
    private static final Logger LOG = Logger.getLogger(KeepingNetworks.class.getName());
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    /** Networks remembered per cable network, oldest forgotten first: a laptop meets a few. */
    private static final int MOST = 64;
    private static final String CABLE = "cable";

    private final Path file;
    /** Gateway MAC → the SSIDs (as shown) that reach it; in the order they were learned. */
    private final Map<String, Set<String>> keeping = new LinkedHashMap<>();
    /** The gateway MAC the cable heard last: the network a preference is for. */
    private String cable = "";

    public KeepingNetworks(Path file) {
        this.file = file;
        load();
    }

    /**
     * A verdict: through the cable {@code gatewayMac} answered, and the Wi-Fi on {@code ssid}
     * reached the same network or not. Returns whether {@link #now} may give something else now.
     */
    public boolean judged(String gatewayMac, String ssid, boolean same) {
        if (!MAC.matcher(gatewayMac).matches() || !plain(ssid)) {
            return false;
        }
        boolean moved = !cable.equals(gatewayMac);
        cable = gatewayMac;
        Set<String> known = keeping.computeIfAbsent(gatewayMac, k -> new LinkedHashSet<>());
        boolean changed = same ? known.add(ssid) : known.remove(ssid);
        if (known.size() > MOST) {
            known.remove(known.iterator().next());
        }
        if (changed || moved) {
            save();
        }
        if (changed) {
            LOG.info("Wi-Fi " + ssid + (same ? " reaches" : " does not reach") + " the cable's network (gateway "
                    + gatewayMac + ")" + (same ? ": it is preferred there from now on" : ""));
        }
        return changed || moved;
    }

    /** The Wi-Fi networks known to reach the network the cable was last on; empty if none or unknown. */
    public List<String> now() {
        return List.copyOf(keeping.getOrDefault(cable, Set.of()));
    }

    private static boolean plain(String ssid) {
        return !ssid.isEmpty() && ssid.length() <= 128 && ssid.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private void load() {
        try {
            if (!Files.exists(file)) {
                return;
            }
            for (String line : Files.readAllLines(file)) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#") || tab < 0) {
                    continue;
                }
                String mac = line.substring(0, tab);
                String ssid = line.substring(tab + 1);
                if (mac.equals(CABLE) && MAC.matcher(ssid).matches()) {
                    cable = ssid;
                } else if (MAC.matcher(mac).matches() && plain(ssid)) {
                    keeping.computeIfAbsent(mac, k -> new LinkedHashSet<>()).add(ssid);
                }
            }
        } catch (IOException e) {
            LOG.warning("cannot read the Wi-Fi networks that keep connections, " + file + ": " + e.getMessage());
        }
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by bondtray-helper: the Wi-Fi networks each cable network (its gateway's MAC)");
        lines.add("# was seen to reach, so unplugging keeps connections. wpa_supplicant prefers them.");
        keeping.forEach((mac, ssids) -> ssids.forEach(s -> lines.add(mac + "\t" + s)));
        lines.add(CABLE + "\t" + cable);
        try {
            AtomicFile.write(file, String.join("\n", lines) + "\n", "rw-------");
        } catch (IOException e) {
            LOG.warning("cannot save the Wi-Fi networks that keep connections: " + e.getMessage());
        }
    }
}
