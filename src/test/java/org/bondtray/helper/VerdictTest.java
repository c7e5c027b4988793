package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

/** When a change on probation is judged to have cost the gateway, and when not yet. */
class VerdictTest {
    private static final Duration PATIENCE = Verdict.patience(0);
    /** What one unanswered question costs: the ARP probe's wait. */
    private static final long ASK_NANOS = 700_000_000L;

    /** A clock that moves only when the rule asks or sleeps. */
    private static final class FakeClock implements Verdict.Clock {
        long now = 1_000_000_000_000L;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now += d.toNanos();
        }
    }

    /** The gateway, silent until {@code answersFrom} ns after the start; counts the questions. */
    private static final class Gateway implements BooleanSupplier {
        final FakeClock clock;
        final long answersAt;
        int asked;

        Gateway(FakeClock clock, long answersFrom) {
            this.clock = clock;
            this.answersAt = clock.now + answersFrom;
        }

        @Override
        public boolean getAsBoolean() {
            asked++;
            if (clock.now >= answersAt) {
                return true;
            }
            clock.now += ASK_NANOS;
            return false;
        }
    }

    @Test
    void aGatewayThatAnswersKeepsTheChangeAtOnce() throws Exception {
        FakeClock clock = new FakeClock();
        Gateway g = new Gateway(clock, 0);
        assertTrue(Verdict.gatewayAnswers(g, () -> clock.now - 60_000_000_000L, PATIENCE, clock));
        assertEquals(1, g.asked);
    }

    @Test
    void oneSilentQuestionDoesNotCondemnAChange() throws Exception {
        // The cable was pulled as the deadline came: the first probes go nowhere, the Wi-Fi answers 2 s later.
        FakeClock clock = new FakeClock();
        Gateway g = new Gateway(clock, 2_000_000_000L);
        assertTrue(Verdict.gatewayAnswers(g, () -> clock.now - 60_000_000_000L, PATIENCE, clock));
        assertTrue(g.asked > 1, "asked again after silence");
    }

    @Test
    void silenceWithTheActivePortSteadyForThePatienceRollsBack() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        Gateway g = new Gateway(clock, Long.MAX_VALUE / 2);
        assertFalse(Verdict.gatewayAnswers(g, () -> start - 60_000_000_000L, PATIENCE, clock));
        long took = clock.now - start;
        assertTrue(took >= PATIENCE.toNanos() && took < PATIENCE.toNanos() + 2 * ASK_NANOS, took + " ns");
        assertTrue(g.asked >= 5, "asked " + g.asked + " times");
    }

    @Test
    void aSwitchoverLateInThePatienceBuysTheNewPortItsChance() throws Exception {
        // Silent for the whole patience, but the bond moved 1 s before it ran out: the new port is
        // asked for SETTLED after the move before the change is condemned, and it answers.
        FakeClock clock = new FakeClock();
        long start = clock.now;
        long moved = start + PATIENCE.toNanos() - 1_000_000_000L;
        Gateway g = new Gateway(clock, PATIENCE.toNanos() + 1_500_000_000L);
        assertTrue(Verdict.gatewayAnswers(g, () -> Math.min(clock.now, moved), PATIENCE, clock));
    }

    @Test
    void silenceAfterTheMoveSettledRollsBackThen() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        long moved = start + PATIENCE.toNanos() - 1_000_000_000L;
        Gateway g = new Gateway(clock, Long.MAX_VALUE / 2);
        assertFalse(Verdict.gatewayAnswers(g, () -> Math.min(clock.now, moved), PATIENCE, clock));
        assertTrue(clock.now - moved >= Verdict.SETTLED.toNanos(), "waited until the port had stayed put");
    }

    @Test
    void aPortThatNeverStopsMovingStillGetsAVerdictWithinTheLimit() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        Gateway g = new Gateway(clock, Long.MAX_VALUE / 2);
        assertFalse(Verdict.gatewayAnswers(g, () -> clock.now, PATIENCE, clock));
        long took = clock.now - start;
        assertTrue(took >= Verdict.LIMIT.toNanos() && took < Verdict.LIMIT.toNanos() + 2 * ASK_NANOS, took + " ns");
    }

    @Test
    void aDownDelayLengthensThePatience() {
        assertEquals(Duration.ofMillis(6500), Verdict.patience(1500));
        assertEquals(Duration.ofSeconds(5), Verdict.patience(0));
    }
}
