package org.bondtray.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.bondtray.lab.guest.Scenarios;

/**
 * The README's demo command ({@code ./demo}): boots the lab VM for the demo scenario alone and
 * prints its timeline while it happens, then where the screenshots are.
 */
public final class LabDemo {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private LabDemo() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        LabHost host = LabHost.fromSystemProperties();
        System.out.println("Bondtray demo: a laptop in a VM (Debian's own kernel under QEMU) with a cable and a Wi-Fi"
                + " adapter,\non one LAN with a DHCP server and three Wi-Fi networks. Nothing on this machine's network"
                + " is touched.\n");
        Optional<String> unavailable = host.unavailableReason();
        if (unavailable.isPresent()) {
            System.err.println("demo: " + unavailable.get());
            System.exit(1);
        }
        Path out = host.workDir.resolve("run");
        Path timeline = out.resolve(Scenarios.DEMO_FOLDER).resolve(Scenarios.DEMO_TIMELINE);
        System.out.println("booting the lab VM…");
        CompletableFuture<Path> vm = CompletableFuture.supplyAsync(() -> {
            try {
                return new LabVm(host).run(List.of(Scenarios.DEMO), TIMEOUT);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        long printed = 0;
        boolean up = false;
        while (!vm.isDone()) {
            if (!up && Files.exists(timeline)) {
                up = true;
                System.out.printf("the VM is up and its network built (%.0f s); the demo's own clock starts now:%n",
                        (System.nanoTime() - start) / 1e9);
            }
            printed = printNew(timeline, printed);
            Thread.sleep(200);
        }
        vm.join();
        printNew(timeline, printed);

        Path resultFile = out.resolve(Scenarios.DEMO + ".properties");
        java.util.Properties result = Files.exists(resultFile) ? LabRun.load(resultFile) : new java.util.Properties();
        Path shots = timeline.getParent();
        if (!"true".equals(result.getProperty("demo.done"))) {
            System.err.println("\ndemo: it did not run to the end: "
                    + result.getProperty("error", "no results (the VM did not finish the demo)")
                    + "\n  the VM's logs and command transcript are in " + out);
            System.exit(1);
        }
        System.out.printf("%nscreenshots in %s:%n", shots.toAbsolutePath());
        try (Stream<Path> s = Files.list(shots)) {
            s.filter(p -> p.toString().endsWith(".png")).sorted()
                    .forEach(p -> System.out.println("  " + p.getFileName()));
        }
        System.out.printf("the demo took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Prints what the guest appended since {@code from} bytes; returns the new position. */
    private static long printNew(Path file, long from) throws IOException {
        if (!Files.exists(file)) {
            return from;
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length <= from) {
            return from;
        }
        // Only whole lines: the guest may be halfway through writing one.
        int end = all.length;
        while (end > from && all[end - 1] != '\n') {
            end--;
        }
        System.out.print(new String(all, (int) from, (int) (end - from), StandardCharsets.UTF_8));
        System.out.flush();
        return end;
    }
}
