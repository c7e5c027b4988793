package org.bondtray.lab.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.bondtray.lab.guest.PingProbe.Request;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The probe's arithmetic: a wrong figure here would let every lab scenario lie. */
class TrafficProbeTest {

    private static Request answered(int seq, double sent, double rtt) {
        return new Request(seq, sent, true, sent + rtt);
    }

    private static Request lost(int seq) {
        return new Request(seq, Double.NaN, false, Double.NaN);
    }

    @Nested
    class PlacingLostRequests {
        @Test
        void aLostRequestSitsBetweenItsAnsweredNeighbours() {
            List<Request> placed = PingProbe.placeLost(List.of(answered(1, 1000, 1), lost(2), lost(3),
                    answered(4, 1030, 1)));
            assertEquals(1010, placed.get(1).sentMs(), 0.001);
            assertEquals(1020, placed.get(2).sentMs(), 0.001);
        }

        @Test
        void trailingLossesFollowTheInterval() {
            List<Request> placed = PingProbe.placeLost(List.of(answered(1, 1000, 1), lost(2), lost(3)));
            assertEquals(1020, placed.get(2).sentMs(), 0.001);
        }
    }

    @Nested
    class Windows {
        private final List<Request> requests = List.of(
                answered(1, 1000, 1), answered(2, 1010, 1), lost(3), lost(4), lost(5),
                answered(6, 1050, 1), answered(7, 1060, 1));

        @Test
        void countsSentLostAndAnsweredBySendTime() {
            TrafficProbe.Window w = TrafficProbe.measure("cut", PingProbe.placeLost(requests), 1015, 1065);
            assertEquals(5, w.sent());
            assertEquals(3, w.lost());
            assertEquals(2, w.answered());
        }

        @Test
        void longestGapIsTheLongestSilenceBetweenReplies() {
            TrafficProbe.Window w = TrafficProbe.measure("all", PingProbe.placeLost(requests), 1000, 1070);
            // replies arrive at 1001, 1011, 1051, 1061; the silence 1011..1051 is the longest
            assertEquals(40, w.longestGapMs());
        }

        @Test
        void aWindowWithoutRepliesIsOneGap() {
            TrafficProbe.Window w = TrafficProbe.measure("dark", PingProbe.placeLost(requests), 1020, 1045);
            assertEquals(25, w.longestGapMs());
            assertEquals(0, w.answered());
        }
    }
}
