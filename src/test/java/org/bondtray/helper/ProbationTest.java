package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.bondtray.helper.config.BondConfig;
import org.junit.jupiter.api.Test;

/** Which change goes on probation after a Setup, and how it leaves it. */
class ProbationTest {
    private static final BondConfig GOOD = BondConfig.defaults("bond0");
    private static final BondConfig LATER = GOOD.withPreference(Preference.WIRELESS);
    private static final long NOW = 1_000_000_000L;

    @Test
    void withAGatewayTheConfigurationInPlaceIsTheWayBack() {
        Probation.Change c = Probation.next(GOOD, null, true, 20, NOW).orElseThrow();
        assertEquals(GOOD, c.previous());
        assertEquals(NOW + 20_000_000L, c.deadlineMicros());
    }

    @Test
    void withoutAGatewayAnEarlierChangeOnProbationLeadsBackToWhereItStarted() {
        Probation.Change earlier = new Probation.Change(GOOD, 20, NOW);
        assertEquals(GOOD, Probation.next(LATER, earlier, false, 10, NOW).orElseThrow().previous());
        assertEquals(LATER, Probation.next(LATER, earlier, true, 10, NOW).orElseThrow().previous(),
                "a gateway answers with the earlier change in place: it is good enough to come back to");
    }

    @Test
    void nothingToSaveOrNoTimeoutMeansNoProbation() {
        assertTrue(Probation.next(GOOD, null, false, 20, NOW).isEmpty(), "no gateway before, nothing earlier");
        assertTrue(Probation.next(GOOD, null, true, 0, NOW).isEmpty(), "ConfirmTimeout 0");
        assertEquals(Optional.empty(), Probation.next(null, null, true, 0, NOW));
        assertEquals(null, Probation.next(null, null, true, 20, NOW).orElseThrow().previous(),
                "no bond before: a rollback removes the bond");
    }

    /** Runs {@code op} on the worker, which owns the probation as in the helper. */
    private static <T> T on(Worker w, java.util.concurrent.Callable<T> op) {
        return w.call(op);
    }

    @Test
    void aDeadlineComesOnceAndOnlyForTheChangeStillOnProbation() throws Exception {
        LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
        try (Worker w = new Worker()) {
            Probation p = new Probation(w, due::add);
            long soon = System.currentTimeMillis() * 1000 + 200_000;
            Probation.Change first = new Probation.Change(GOOD, 1, soon);
            on(w, () -> {
                p.begin(first);
                return null;
            });
            assertEquals(soon, (long) on(w, p::deadlineMicros));
            assertEquals(soon, due.poll(5, TimeUnit.SECONDS));
            assertEquals(Optional.of(first), on(w, () -> p.due(soon)));
            assertTrue(on(w, () -> p.due(soon)).isEmpty(), "decided once");
            assertEquals(0, (long) on(w, p::deadlineMicros));

            on(w, () -> {
                p.begin(new Probation.Change(GOOD, 1, System.currentTimeMillis() * 1000 + 1_000_000));
                return null;
            });
            assertTrue(on(w, p::end).isPresent(), "confirmed");
            assertEquals(null, due.poll(1500, TimeUnit.MILLISECONDS), "a confirmed change has no deadline");
            assertTrue(on(w, p::end).isEmpty());
        }
    }

    @Test
    void theVerdictComesAtTheDeadlineTheBusShows() throws Exception {
        // The deadline is set when the change is in place; the timer must not add the time the
        // change took to apply, or the countdown a user sees would end before anything happens.
        LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
        try (Worker w = new Worker()) {
            Probation p = new Probation(w, due::add);
            long deadline = System.currentTimeMillis() * 1000 + 500_000;
            on(w, () -> {
                p.begin(new Probation.Change(GOOD, 20, deadline));
                return null;
            });
            assertEquals(deadline, due.poll(5, TimeUnit.SECONDS));
            long late = System.currentTimeMillis() * 1000 - deadline;
            assertTrue(late >= 0 && late < 2_000_000, "came " + late + " µs after the deadline");
        }
    }
}
