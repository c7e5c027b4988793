package org.bondtray.lab;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A lab that cannot run fails in CI and skips elsewhere, and either way says how to get it. */
class LabRunTest {
    private static final String REASON = "the lab is not installed here. Get it with: sudo src/lab/prepare";

    @Test
    void inCiAnUnavailableLabFailsTheTestCase() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> new LabRun(null, REASON, true).scenario("any"));
        assertTrue(e.getMessage().contains("sudo src/lab/prepare"), e.getMessage());
    }

    @Test
    void elsewhereItSkipsWithTheWayToGetIt() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> new LabRun(null, REASON, false).scenario("any"));
        assertTrue(e.getMessage().contains("sudo src/lab/prepare"), e.getMessage());
    }
}
