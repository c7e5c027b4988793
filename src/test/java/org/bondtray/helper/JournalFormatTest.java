package org.bondtray.helper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JournalFormatTest {
    private static String format(boolean priorities, Level level, String message, Throwable thrown) {
        LogRecord r = new LogRecord(level, message);
        r.setThrown(thrown);
        return new JournalFormat(priorities).format(r);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            SEVERE,  <3>
            WARNING, <4>
            INFO,    <6>
            CONFIG,  <7>
            FINE,    <7>
            """)
    void eachLevelCarriesTheSyslogPriorityJournaldReads(String level, String prefix) {
        assertEquals(prefix + "bond0 is up\n", format(true, Level.parse(level), "bond0 is up", null));
    }

    @Test
    void aRecordIsOneLineWhateverItsMessageHolds() {
        // A forged line would reach the journal as a record of its own, with a priority of its choosing.
        assertEquals("<6>search a.example\\n<3>nameserver 203.0.113.5\\x1b[2J\\\\\n",
                format(true, Level.INFO, "search a.example\n<3>nameserver 203.0.113.5\u001b[2J\\", null));
    }

    @Test
    void anExceptionIsItsChainOfCausesOnTheSameLine() {
        IOException e = new IOException("no answer\nfrom the gateway", new IllegalStateException("socket closed"));
        assertEquals("<4>probe failed: java.io.IOException: no answer\\nfrom the gateway: java.lang.IllegalStateException: socket closed\n",
                format(true, Level.WARNING, "probe failed", e));
    }

    @Test
    void outsideTheJournalTheLevelIsSpelledOut() {
        assertEquals("WARNING rolling back\n", format(false, Level.WARNING, "rolling back", null));
    }
}
