package org.bondtray.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One boot of the lab VM: Debian's stock kernel under QEMU (TCG; nested KVM hangs here), the
 * host's root read-only over virtio-9p with a tmpfs overlay, and a writable export through which
 * the guest hands back its results. The guest powers itself off when its scenarios are done.
 */
final class LabVm {
    /** Loaded by the initramfs, in order, to mount the host root over virtio-9p with an overlay. */
    private static final List<String> BOOT_MODULES = List.of("virtio_ring", "virtio", "virtio_pci_modern_dev",
            "virtio_pci_legacy_dev", "virtio_pci", "netfs", "fscache", "9pnet", "9pnet_virtio", "9p", "overlay");
    private static final String GUEST_JAVA_OPTIONS =
            // Under TCG every instruction is emulated: the C1 compiler alone and a serial GC
            // keep a JVM's start and its compile threads from eating the guest's two CPUs.
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss512k --enable-native-access=ALL-UNNAMED";

    private final LabHost host;

    LabVm(LabHost host) {
        this.host = host;
    }

    /** Boots, runs {@code scenarios} (all when empty) and returns the folder with the results. */
    Path run(List<String> scenarios, Duration timeout) throws IOException, InterruptedException {
        Path out = host.workDir.resolve("run");
        deleteTree(out);
        Files.createDirectories(out);
        writeControl(out, scenarios);
        Path initramfs = host.workDir.resolve("initramfs.cpio");
        buildInitramfs(initramfs);

        Path kernel = host.kernelDir();
        String version = host.kernelVersion();
        List<String> argv = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-smp", "2", "-m", "2048",
                "-display", "none", "-monitor", "none", "-serial", "file:" + out.resolve("console.log"),
                "-no-reboot", "-nic", "none",
                "-kernel", kernel.resolve("boot/vmlinuz-" + version).toString(),
                "-initrd", initramfs.toString(),
                "-append", "console=ttyS0 quiet panic=-1 bondtray.stage2=" + host.project.resolve("src/lab/guest/stage2")
                        + (Files.isDirectory(LabHost.guestRoot()) ? " bondtray.extra=1" : ""),
                "-device", "virtio-rng-pci",
                "-fsdev", "local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap",
                "-device", "virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot",
                "-fsdev", "local,id=labout,path=" + out + ",security_model=none,multidevs=remap",
                "-device", "virtio-9p-pci,fsdev=labout,mount_tag=labout"));
        if (Files.isDirectory(LabHost.guestRoot())) {
            argv.addAll(List.of("-fsdev", "local,id=guestroot,path=" + LabHost.guestRoot()
                            + ",security_model=none,readonly=on,multidevs=remap",
                    "-device", "virtio-9p-pci,fsdev=guestroot,mount_tag=guestroot"));
        }
        Process qemu = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(out.resolve("qemu.log").toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!qemu.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            qemu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.writeString(out.resolve("timeout"), "the VM ran longer than " + timeout + "\n");
        }
        return out;
    }

    private void writeControl(Path out, List<String> scenarios) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The product's tests and lab, then what the build resolved: the modules' classes or jars
        // among them.
        String classpath = String.join(":", host.project.resolve("target/test-classes").toString(),
                Files.readString(host.workDir.resolve("classpath.txt")).strip());
        Properties p = new Properties();
        p.setProperty("java", java);
        p.setProperty("java.options", GUEST_JAVA_OPTIONS);
        p.setProperty("classpath", classpath);
        p.setProperty("scenarios", String.join(",", scenarios));
        p.setProperty("project", host.project.toString());
        try (var w = Files.newBufferedWriter(out.resolve("control.properties"))) {
            p.store(w, "written by the host for the lab guest");
        }
        // stage2 is a shell script and reads the same facts from a file it can source.
        Files.writeString(out.resolve("control.env"), String.join("\n",
                "LAB_KERNEL=" + quote(host.kernelDir().toString()),
                "LAB_JAVA=" + quote(java),
                "LAB_JAVA_OPTS=" + quote(GUEST_JAVA_OPTIONS),
                "LAB_CLASSPATH=" + quote(classpath), ""), StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private void buildInitramfs(Path target) throws IOException {
        Path modules = host.kernelDir().resolve("lib/modules").resolve(host.kernelVersion());
        Initramfs cpio = new Initramfs().directory("bin").directory("modules")
                .file("init", 0755, host.project.resolve("src/lab/guest/init"))
                .file("bin/busybox", 0755, Path.of("/bin/busybox"));
        List<String> order = new ArrayList<>();
        for (String name : BOOT_MODULES) {
            Path ko = findModule(modules, name);
            if (ko != null) {
                cpio.file("modules/" + name + ".ko", 0644, ko);
                order.add(name);
            } else if (!builtin(modules, name)) {
                throw new IOException("the lab kernel has no module " + name + " (looked in " + modules + ")");
            }
        }
        cpio.file("modules/order", 0644, (String.join("\n", order) + "\n").getBytes(StandardCharsets.US_ASCII));
        cpio.writeTo(target);
    }

    private static Path findModule(Path modules, String name) throws IOException {
        try (Stream<Path> s = Files.walk(modules.resolve("kernel"))) {
            return s.filter(p -> {
                String f = p.getFileName().toString();
                return f.endsWith(".ko") && f.substring(0, f.length() - 3).replace('-', '_').equals(name);
            }).findFirst().orElse(null);
        }
    }

    private static boolean builtin(Path modules, String name) throws IOException {
        Path list = modules.resolve("modules.builtin");
        return Files.exists(list) && Files.readAllLines(list).stream()
                .anyMatch(l -> l.substring(l.lastIndexOf('/') + 1).replace('-', '_').equals(name + ".ko"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
