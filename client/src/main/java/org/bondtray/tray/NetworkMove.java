package org.bondtray.tray;

import java.util.Optional;

import org.bondtray.api.BondProperties;
import org.bondtray.api.BondSnapshot;

/**
 * Whether a switchover moved the bond to another network, and the notice that follows once that
 * network's address has come. While only one port can be asked (the cable is out) the helper's
 * verdict reads unknown, but the verdict from before the switchover still says what it did: the
 * helper acts on the same one (it has dhcpcd ask the new network). One notice, updated in place,
 * says it all: first that connections were reset, then the new address. Looks and signals come
 * on different threads, hence the lock.
 */
final class NetworkMove {
    private static final String SAME = BondProperties.NETWORK_SAME;
    private static final String DIFFERENT = BondProperties.NETWORK_DIFFERENT;

    private String lastVerdict = BondProperties.NETWORK_UNKNOWN;
    /** After a move: the switchover it was and the address from before it; null otherwise. */
    private Pending pending;

    private record Pending(String to, String reason, String oldAddress) {
    }

    /**
     * A new look at the bond: remembers a verdict that says something, and once the address
     * differs from the one before a move, the notice that gives it.
     */
    synchronized Optional<TrayTexts.Notice> seen(TrayTexts texts, BondSnapshot s) {
        if (SAME.equals(s.network()) || DIFFERENT.equals(s.network())) {
            lastVerdict = s.network();
        }
        String now = sameFamily(s, pending == null ? "" : pending.oldAddress());
        if (pending == null || now.isEmpty() || now.equals(pending.oldAddress())) {
            return Optional.empty();
        }
        Pending p = pending;
        pending = null;
        return Optional.of(texts.moved(s, p.to(), p.reason(), now));
    }

    /**
     * The bond's address of the same family as {@code old}: an IPv4 lease is followed by the new
     * network's IPv4 address, not by an IPv6 address the old network left behind for a while.
     */
    private static String sameFamily(BondSnapshot s, String old) {
        boolean v6 = old.indexOf(':') >= 0;
        return s.addresses().stream().filter(a -> (a.indexOf(':') >= 0) == v6).findFirst()
                .map(a -> a.indexOf('/') < 0 ? a : a.substring(0, a.indexOf('/'))).orElse(old.isEmpty() ? s.address() : "");
    }

    /** The notice for a switchover to {@code to}; {@code s} is the bond as last seen. */
    synchronized TrayTexts.Notice switched(TrayTexts texts, BondSnapshot s, String to, String reason, long outageMs) {
        String verdict = SAME.equals(s.network()) || DIFFERENT.equals(s.network()) ? s.network() : lastVerdict;
        if (!DIFFERENT.equals(verdict)) {
            pending = null;
            return texts.switchover(s, verdict, to, reason, outageMs);
        }
        if ("off".equals(s.dhcpState())) {
            // Static addressing: the address is the user's and stays; no new one is coming.
            pending = null;
            return texts.movedStatic(s, to, reason);
        }
        pending = new Pending(to, reason, s.address());
        return texts.moved(s, to, reason, "");
    }
}
