package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** What the host tells the guest through {@code control.properties}: how to run Java, and what. */
record GuestControl(String java, List<String> javaOptions, String classpath, List<String> scenarios, Path project) {

    static GuestControl read(Path outDir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(outDir.resolve("control.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String only = p.getProperty("scenarios", "").strip();
        return new GuestControl(p.getProperty("java"), words(p.getProperty("java.options", "")),
                p.getProperty("classpath"), only.isEmpty() ? List.of() : Arrays.asList(only.split("\\s*,\\s*")),
                Path.of(p.getProperty("project")));
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }

    /** A command line that runs {@code mainClass} from the project's classes in a new JVM. */
    String[] javaCommand(String mainClass, String... args) {
        return javaCommandWith(classpath, mainClass, args);
    }

    /** As {@link #javaCommand}, from {@code classpath} instead of the project's own. */
    String[] javaCommandWith(String classpath, String mainClass, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(javaOptions);
        argv.add("-cp");
        argv.add(classpath);
        argv.add(mainClass);
        argv.addAll(List.of(args));
        return argv.toArray(String[]::new);
    }
}
