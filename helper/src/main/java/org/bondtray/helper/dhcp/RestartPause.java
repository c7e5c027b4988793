package org.bondtray.helper.dhcp;

import java.time.Duration;

/**
 * How long to wait before starting a dhcpcd that died or could not start: 1 s, doubling up to
 * 30 s, and 1 s again after a run that lasted a minute. A dhcpcd that dies at once is not
 * restarted in a loop; one that ran well comes back quickly.
 */
final class RestartPause {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofSeconds(30);
    /** A run this long counts as healthy: the next death pauses only briefly again. */
    private static final Duration HEALTHY = Duration.ofSeconds(60);

    private Duration pause = FIRST;
    private long startedNanos;

    /** A dhcpcd started now. */
    void started() {
        startedNanos = System.nanoTime();
    }

    /** The pause before the next start; the one after it is longer, unless a run was healthy. */
    Duration next() {
        if (System.nanoTime() - startedNanos > HEALTHY.toNanos()) {
            pause = FIRST;
        }
        Duration wait = pause;
        pause = pause.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : pause.multipliedBy(2);
        return wait;
    }
}
