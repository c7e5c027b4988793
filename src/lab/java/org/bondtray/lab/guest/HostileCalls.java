package org.bondtray.lab.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs {@link HostileCaller} as a local user: from a copy of the lab's classes she can read (the
 * build's may sit in a home only root may enter), over her own system bus connection, so the
 * helper and polkit see her uid and, for alice, her session.
 */
final class HostileCalls {
    private static final Path READABLE = Path.of("/tmp/bondtray-hostile");

    /** One call's answer: its name, the error name or "accepted", and how long it took. */
    record Answer(String name, String outcome, long ms) {
        /**
         * A call whose body holds 3000 entries: the bus library decodes them all before the
         * helper's first check, which on the lab's emulated CPU took 0.7-2.5 s.
         */
        boolean bulky() {
            return name.contains("3000");
        }

        /** An error the API or the bus documents, not a time-out or a bus library's catch-all. */
        boolean typed() {
            return outcome.startsWith("org.bondtray.Error.")
                    || outcome.startsWith("org.freedesktop.DBus.Error.")
                            && !outcome.endsWith(".NoReply") && !outcome.endsWith(".Failed")
                            && !outcome.endsWith(".Timeout") && !outcome.endsWith(".ServiceUnknown")
                    || outcome.startsWith("org.freedesktop.dbus.errors.");
        }
    }

    private HostileCalls() {
    }

    static List<Answer> runAs(Lab lab, String user) {
        String[] argv = DesktopSession.asUser(user, javaCommand(lab.control()));
        Cmd.Result res = lab.cmd().tryRun(argv);
        List<Answer> answers = new ArrayList<>();
        for (String line : res.out().lines().toList()) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                answers.add(new Answer(f[0], f[1], Long.parseLong(f[2])));
            }
        }
        if (answers.isEmpty()) {
            throw new IllegalStateException("the hostile caller as " + user + " said nothing (exit " + res.exit()
                    + "): " + res.err().strip());
        }
        return answers;
    }

    /** The slowest answers, longest first, as "name=ms outcome". */
    static String slowest(List<Answer> answers, int n) {
        return String.join("; ", answers.stream().sorted(Comparator.comparingLong(Answer::ms).reversed()).limit(n)
                .map(a -> a.name() + "=" + a.ms() + "ms " + a.outcome()).toList());
    }

    private static String[] javaCommand(GuestControl control) {
        try {
            Files.createDirectories(READABLE);
            Files.setPosixFilePermissions(READABLE, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> readable = new ArrayList<>();
        int i = 0;
        for (String entry : control.classpath().split(":")) {
            Path from = Path.of(entry);
            String name = from.getFileName().toString();
            // The classes (the modules' folders or jars) and the bus library: not the desktop's
            // jars, which it never loads.
            boolean needed = Files.isDirectory(from) || name.startsWith("bondtray-") || name.startsWith("dbus-java")
                    || name.startsWith("slf4j");
            if (needed && Files.exists(from)) {
                Path to = READABLE.resolve(i++ + "-" + from.getFileName());
                copy(from, to);
                readable.add(to.toString());
            }
        }
        // The lab's JVM options (C1 only): with C2 the JVM has aborted under the emulated CPU.
        return control.javaCommandWith(String.join(":", readable), HostileCaller.class.getName());
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                return;
            }
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
