package org.bondtray.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bondtray.testing.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The desktop files pass the freedesktop validators and name what the project ships. */
class DesktopFilesTest {
    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ":\n" + out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.bondtray.Bondtray.desktop", "org.bondtray.Bondtray-autostart.desktop"})
    void desktopEntriesAreValidAndStartTheTray(String file) throws Exception {
        Prerequisites.programs(Map.of("desktop-file-validate", "desktop-file-utils"));
        Path entry = Path.of("desktop", file);
        String out = run("desktop-file-validate", entry.toString());
        assertTrue(out.isBlank(), "no hints either: " + out);
        List<String> lines = Files.readAllLines(entry);
        assertTrue(lines.contains("Exec=bondtray tray"), "starts the tray");
        String icon = lines.stream().filter(l -> l.startsWith("Icon=")).findFirst().orElseThrow().substring(5);
        assertTrue(Files.exists(Path.of("icons/hicolor/scalable/status", icon + ".svg")), icon + " is in the theme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.bondtray.Bondtray.metainfo.xml"})
    void metainfoIsValid(String file) throws Exception {
        Prerequisites.programs(Map.of("appstreamcli", "appstream"));
        run("appstreamcli", "validate", "--no-net", "--pedantic", Path.of("desktop", file).toString());
    }

    /** What a software centre shows: who makes it, where it lives, what it looks like, what finds it. */
    @Test
    void theSoftwareCentreHasScreenshotsAUrlAndTheDeveloper() throws Exception {
        String xml = Files.readString(Path.of("desktop", "org.bondtray.Bondtray.metainfo.xml"));
        assertTrue(xml.contains("<developer id=\"org.bondtray\">"), "the developer tag");
        assertFalse(xml.contains("<developer_name>"), "deprecated in AppStream 1.0");
        assertTrue(xml.contains("<url type=\"homepage\">"), "a URL");
        java.util.regex.Matcher image = java.util.regex.Pattern.compile("<image>[^<]*/(docs/screenshots/[^<]+)</image>")
                .matcher(xml);
        int images = 0;
        while (image.find()) {
            images++;
            assertTrue(Files.exists(Path.of(image.group(1))),
                    "a screenshot the repository has: " + image.group(1));
        }
        assertTrue(images >= 1, "screenshots");
        for (String word : new String[] {"bond", "ethernet", "wifi", "failover"}) {
            assertTrue(xml.contains("<keyword>" + word + "</keyword>"), word);
        }
    }
}
