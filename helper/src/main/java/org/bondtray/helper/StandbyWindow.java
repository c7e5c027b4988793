package org.bondtray.helper;

/**
 * When the bond's standby port may hand what it receives to the bond (the kernel's
 * all_slaves_active), which it normally drops.
 *
 * <p>With {@code fail_over_mac=active} each port keeps its own MAC and the bond takes the active
 * one's. At a switchover, peers learn the new MAC from a gratuitous ARP, but what they sent just
 * before is still on its way to the old port: the reply that left the router a moment before the
 * cable came back is received by the Wi-Fi port, now standby, and dropped. On a Wi-Fi with a
 * queue of a few hundred milliseconds that is every reply in that queue, and a connection that
 * loses them stalls. So the window opens when a switchover is near (a port gains carrier, the
 * helper is about to switch) and closes {@link #OPEN_NANOS} after the last one.
 *
 * <p>It stays shut when the ports are on different networks: there the standby port would hand
 * the bond the other network's router advertisements and broadcasts, and nothing in flight
 * there belongs to a connection that can survive anyway. Kept shut otherwise because, open, both
 * ports deliver every broadcast of a shared network twice.
 */
public final class StandbyWindow {
    /** Long enough for the peers' gratuitous ARPs, the second one a link-monitor tick later, and for a queue to drain. */
    static final long OPEN_NANOS = 5_000_000_000L;

    private long openUntil;
    private boolean stirred;

    /** A switchover is near or has just happened, as of {@code nanos} (System.nanoTime()). */
    public synchronized void stir(long nanos) {
        if (!stirred || nanos + OPEN_NANOS - openUntil > 0) {
            openUntil = nanos + OPEN_NANOS;
        }
        stirred = true;
    }

    /** Whether standby ports should deliver at {@code nanos}, the ports' network being {@code network}. */
    public synchronized boolean open(long nanos, SameNetwork network) {
        return stirred && openUntil - nanos > 0 && network != SameNetwork.DIFFERENT;
    }

    /** Nanoseconds from {@code nanos} until the window shuts by itself; 0 if it is not open. */
    public synchronized long remainingNanos(long nanos) {
        return stirred ? Math.max(0, openUntil - nanos) : 0;
    }
}
