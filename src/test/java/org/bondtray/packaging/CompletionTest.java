package org.bondtray.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The package's bash and zsh completions, loaded into a real bash as bash-completion does (and a
 * real zsh as compinit does) and asked what follows each word; a stand-in {@code bondtray} gives
 * the cached Wi-Fi list.
 */
class CompletionTest {
    private static final String SCRIPT = "src/package/files/completion/bondtray.bash";
    /** What `bondtray wifi list --cached` prints: a head line, then the in-use mark and 32 columns of SSID. */
    private static final String LIST = "Wi-Fi on wlan0 (cached):\\n"
            + String.format("* %-32s %s %4d dBm  %-10s %s\\n", "Home Net", "▂▄▆█", -40, "WPA2", "saved")
            + String.format("  %-32s %s %4d dBm  %-10s %s\\n", "cafe\\\\x1b[31m", "▂▄__", -70, "WPA2", "");

    /** The words bash offers after {@code line} (the last word being completed, maybe empty). */
    private static List<String> complete(String... words) throws Exception {
        StringBuilder w = new StringBuilder("COMP_WORDS=(");
        for (String word : words) {
            w.append("'").append(word.replace("'", "'\\''")).append("' ");
        }
        w.append(")");
        String script = "bondtray() { printf '" + LIST + "'; }\n"
                + "source " + SCRIPT + "\n"
                + w + "\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "_bondtray\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String out = run("bash", "--norc", "--noprofile", "-c", script);
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void itLoadsAndRegistersForBondtray() throws Exception {
        String out = run("bash", "--norc", "--noprofile", "-c", "source " + SCRIPT + " && complete -p bondtray");
        assertEquals("complete -F _bondtray bondtray", out.strip());
    }

    @Test
    void commandsOptionsAndValues() throws Exception {
        assertTrue(complete("bondtray", "").containsAll(List.of("status", "setup", "wifi", "--help", "--version")));
        assertEquals(List.of("setup", "status", "switch"), complete("bondtray", "s").stream().sorted().toList());
        assertEquals(List.of("wired", "wireless"), complete("bondtray", "setup", "--prefer", "wir"));
        assertTrue(complete("bondtray", "setup", "--").contains("--confirm-timeout"));
        assertEquals(List.of("--password-file"), complete("bondtray", "wifi", "connect", "x", "--pass"));
    }

    @Test
    void interfacesComeFromTheKernel() throws Exception {
        assertTrue(complete("bondtray", "switch", "").containsAll(List.of("wired", "auto", "lo")));
        assertEquals(List.of("lo"), complete("bondtray", "setup", "--port", "l"));
    }

    /** SSIDs as the list shows them, each quoted for the shell: a space, a backslash escape. */
    @Test
    void ssidsComeQuotedForTheShell() throws Exception {
        assertEquals(List.of("Home\\ Net", "cafe\\\\x1b\\[31m"), complete("bondtray", "wifi", "connect", ""));
        assertEquals(List.of("Home\\ Net"), complete("bondtray", "wifi", "forget", "Ho"));
    }

    private static final String ZSH_SCRIPT = "src/package/files/completion/_bondtray";

    /**
     * The candidates zsh's completion function offers after {@code words} (the last one being
     * completed). compadd and _describe only work inside a completion widget: here they print
     * what they were given, and zsh's own matching against the prefix is left out.
     */
    private static List<String> zshComplete(String... words) throws Exception {
        StringBuilder w = new StringBuilder("words=(");
        for (String word : words) {
            w.append("'").append(word.replace("'", "'\\''")).append("' ");
        }
        w.append(")");
        String script = "compadd() { local arr=0; while [[ $1 == -* && $1 != -- ]]; do [[ $1 == -a ]] && arr=1; shift; done;"
                + " [[ $1 == -- ]] && shift; if (( arr )); then for n in \"$@\"; do print -rl -- ${(P)n}; done;"
                + " else print -rl -- \"$@\"; fi }\n"
                + "_describe() { shift 3; print -rl -- ${(P)1}; }\n"
                + "_files() { print -r -- '(files)'; }\n"
                + "bondtray() { printf '" + LIST + "'; }\n"
                + "source " + ZSH_SCRIPT + "\n"
                + w + "\nCURRENT=" + words.length + "\n_bondtray\n";
        String out = run(zsh(), "-f", "-c", script);
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    /** zsh; in CI it must be there (the lab's prepare installs it), elsewhere its absence skips. */
    private static String zsh() {
        boolean there = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/zsh"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/zsh"));
        if (!there && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("zsh is missing: src/lab/prepare installs it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(there, "zsh not installed (sudo src/lab/prepare installs it)");
        return "zsh";
    }

    @Test
    void zshLoadsItForBondtray() throws Exception {
        String dir = java.nio.file.Path.of(ZSH_SCRIPT).toAbsolutePath().getParent().toString();
        String out = run(zsh(), "-f", "-c", "fpath=(" + dir + " $fpath); autoload -Uz compinit; "
                + "compinit -u -D; print -r -- $_comps[bondtray]");
        assertEquals("_bondtray", out.strip());
    }

    @Test
    void zshOffersWhatBashOffers() throws Exception {
        assertTrue(zshComplete("bondtray", "").containsAll(List.of("status", "setup", "wifi", "--help", "--version")));
        assertEquals(List.of("wired", "wireless", "auto"), zshComplete("bondtray", "setup", "--prefer", "wir"));
        assertTrue(zshComplete("bondtray", "setup", "--").contains("--confirm-timeout"));
        assertTrue(zshComplete("bondtray", "wifi", "connect", "x", "--pass").contains("--password-file"));
        assertTrue(zshComplete("bondtray", "switch", "").containsAll(List.of("wired", "auto", "lo")));
        assertEquals(List.of("Home Net", "cafe\\x1b[31m"), zshComplete("bondtray", "wifi", "connect", ""),
                "SSIDs as bondtray shows them, escapes and all");
    }

    /** Runs {@code argv}; its output (errors included) once it exited 0. */
    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
