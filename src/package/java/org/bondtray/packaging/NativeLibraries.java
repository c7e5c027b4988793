package org.bondtray.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The native code a package installs: stripped as Debian's tools would, and never unpacked at run time. */
final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * The shared libraries at the top of {@code jar}, by file name. JavaFX's platform jars carry
     * theirs inside; run from the jar, JavaFX copies them into each user's {@code ~/.openjfx}
     * and checks them there on every start. Put beside the jar, it loads them from there.
     */
    static Map<String, byte[]> inside(Path jar) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : j.stream().toList()) {
                if (!e.isDirectory() && !e.getName().contains("/") && e.getName().endsWith(".so")) {
                    try (InputStream in = j.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Programs and libraries come with their symbol tables; a package installs them stripped,
     * as dh_strip would (binutils' strip, at build time only), for this machine's processor.
     */
    static void strip(Path dir) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("strip", "--strip-unneeded", "--remove-section=.comment",
                "--remove-section=.note"));
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(NativeLibraries::isElf).forEach(p -> argv.add(p.toString()));
        }
        Process p = new ProcessBuilder(argv).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("strip failed with exit code " + p.exitValue() + "; is binutils installed?");
        }
    }

    private static boolean isElf(Path p) {
        if (!Files.isRegularFile(p) || Files.isSymbolicLink(p)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }
}
