package org.bondtray.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The host side of the lab: where its kernel is cached, whether it can run here, and getting it
 * ready. {@code src/lab/prepare} does the installing; this class decides when to call it.
 */
final class LabHost {
    final Path project;
    final Path workDir;

    LabHost(Path project, Path workDir) {
        this.project = project;
        this.workDir = workDir;
    }

    static LabHost fromSystemProperties() {
        Path project = Path.of(System.getProperty("bondtray.project.dir", ".")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("bondtray.lab.dir", project.resolve("target/lab").toString()));
        return new LabHost(project, work);
    }

    /** The same folder {@code src/lab/prepare} fills. */
    static Path cache() {
        String explicit = System.getenv("BONDTRAY_LAB_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("bondtray-lab");
    }

    Path kernelDir() {
        return cache().resolve("kernel");
    }

    /**
     * Debian's packages the VM runs but the host must not have installed (NetworkManager, udev,
     * systemd-resolved), unpacked by {@code src/lab/prepare}; the VM lays them over the host root.
     */
    static Path guestRoot() {
        return cache().resolve("guest-root");
    }

    String kernelVersion() throws IOException {
        return Files.readString(kernelDir().resolve("ready")).strip();
    }

    static boolean inCi() {
        return org.bondtray.testing.Prerequisites.inCi();
    }

    /**
     * Empty when the lab can run; otherwise why not and what to run. As root, missing pieces are
     * installed first (that is how a fresh machine gets them from a plain {@code mvn verify}).
     */
    Optional<String> unavailableReason() throws IOException, InterruptedException {
        if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))) {
            return Optional.of("the lab needs an x86_64 Linux host");
        }
        Path prepare = project.resolve("src/lab/prepare");
        Files.createDirectories(workDir);
        Path log = workDir.resolve("prepare.log");
        if (run(log, prepare.toString(), "--check") == 0) {
            return Optional.empty();
        }
        String missing = Files.readString(log).strip();
        if (!isRoot()) {
            return Optional.of("the lab is not installed here (" + missing + "). Get it with: sudo src/lab/prepare");
        }
        if (run(log, prepare.toString()) != 0) {
            return Optional.of("src/lab/prepare could not install the lab; see " + log);
        }
        return Optional.empty();
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("id", "-u").start();
        String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        p.waitFor();
        return "0".equals(uid);
    }

    private int run(Path log, String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
