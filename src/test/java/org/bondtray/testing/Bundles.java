package org.bondtray.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Resource bundles as the tests check them: every English string has its Japanese one. */
public final class Bundles {
    private Bundles() {
    }

    /** {@code base} is the bundle's resource path without ".properties" ("/org/bondtray/cli/messages"). */
    public static void assertJapaneseComplete(String base) throws IOException {
        assertEquals(load(base + ".properties").keySet(), load(base + "_ja.properties").keySet(),
                "every English string of " + base + " has its Japanese one");
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
