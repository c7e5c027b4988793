package org.bondtray.helper;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.bondtray.helper.config.BondConfig;
import org.bondtray.helper.kernel.Kernel;

/**
 * A Setup on probation, from the change to its verdict: the clock starts once the change is in
 * place, Confirm keeps it, and at the deadline the gateway decides ({@link Verdict}) whether it
 * stays or the configuration before it comes back by itself.
 */
final class Trial {
    private static final Logger LOG = Logger.getLogger(Trial.class.getName());

    private final Helper helper;
    private final Worker worker;
    private final SwitchoverTracker tracker;
    private final Kernel rt;
    private final Kernel.Source kernels;
    private final Probation probation;

    Trial(Helper helper, Worker worker, SwitchoverTracker tracker, Kernel rt, Kernel.Source kernels) {
        this.helper = helper;
        this.worker = worker;
        this.tracker = tracker;
        this.rt = rt;
        this.kernels = kernels;
        this.probation = new Probation(worker, this::deadlineReached);
    }

    /** When the change on probation is decided on, µs since the epoch; 0 if none is. */
    long deadlineMicros() {
        return probation.deadlineMicros();
    }

    /** Nothing is on probation any more (the bond is disabled). */
    void end() {
        probation.end();
    }

    /**
     * Setup as a change on probation: if the machine reached its gateway before, and does not
     * {@code seconds} later while nobody called Confirm, the previous configuration
     * comes back by itself (none: the bond is disabled). 0 seconds: no probation.
     */
    void setup(BondConfig wanted, int seconds) throws IOException {
        boolean reaches = seconds > 0 && Connectivity.now(rt);
        BondConfig before = helper.config();
        Probation.Change earlier = probation.current().orElse(null);
        helper.setup(wanted);
        // The clock starts once the change is in place: applying it can take seconds.
        Optional<Probation.Change> next = Probation.next(before, earlier, reaches, seconds,
                System.currentTimeMillis() * 1000);
        probation.end();
        if (next.isPresent()) {
            probation.begin(next.get());
            LOG.info("change applied; kept unless the gateway is out of reach in " + seconds + " s with no Confirm");
            helper.refresh();
        }
    }

    /** Keeps the change on probation. */
    void confirm() throws IOException {
        if (probation.end().isEmpty()) {
            throw Refusal.notFound("no change is waiting to be confirmed");
        }
        LOG.info("change confirmed");
        helper.refresh();
    }

    /**
     * At the deadline of a change on probation, on the worker. The gateway is asked on a thread
     * of its own (Verdict may take seconds while a switchover settles, and Switch or Confirm
     * must still be answered meanwhile); the answer comes back to the worker, and a Confirm or
     * another Setup in that time settles it instead.
     */
    private void deadlineReached(long micros) {
        if (probation.current().filter(c -> c.deadlineMicros() == micros).isEmpty()) {
            return;
        }
        BondConfig c = helper.config();
        Duration patience = Verdict.patience(c == null ? 0 : c.downdelay());
        Thread.ofVirtual().name("gateway-verdict").start(() -> {
            boolean answers;
            // A socket of its own: the worker's is not to be shared between threads.
            try (Kernel own = kernels.open()) {
                answers = Verdict.gatewayAnswers(() -> Connectivity.answersOnce(own), tracker::lastMoveNanos,
                        patience, Verdict.Clock.SYSTEM);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "could not ask whether a gateway answers; the change on probation is kept", e);
                worker.execute("keeping the change on probation", () -> {
                    if (probation.due(micros).isPresent()) {
                        helper.refresh();
                    }
                });
                return;
            } catch (InterruptedException e) {
                return;
            }
            // Queued behind any change under way, not as a change of its own: a user's Setup that
            // comes meanwhile waits for the decision instead of being refused as Busy (the lab's
            // fallback step hit that, at the 20 s deadline of the one before).
            worker.execute("deciding on the change on probation", () -> decide(micros, answers));
        });
    }

    /** The change on probation is kept if a gateway {@code answers}, otherwise rolled back. */
    private void decide(long micros, boolean answers) throws IOException {
        Optional<Probation.Change> due = probation.due(micros);
        if (due.isEmpty()) {
            return;
        }
        Probation.Change p = due.get();
        if (answers) {
            LOG.info("a gateway still answers " + p.seconds() + " s after the change: it is kept");
            helper.refresh();
            return;
        }
        String reason = "no gateway answered " + p.seconds() + " s after the change and nobody confirmed it; "
                + (p.previous() == null ? "the bond is gone again" : "the previous configuration is back");
        LOG.warning("rolling back: " + reason);
        try {
            if (p.previous() == null) {
                helper.disable();
            } else {
                helper.setup(p.previous());
            }
        } catch (IOException | RuntimeException e) {
            // Said to the bus here; logged once, by whoever called.
            helper.rolledBack(reason + ", but putting it back failed: " + e.getMessage());
            throw e;
        }
        LOG.info("rolled back");
        helper.rolledBack(reason);
    }
}
