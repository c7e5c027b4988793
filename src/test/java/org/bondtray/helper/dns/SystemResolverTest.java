package org.bondtray.helper.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Name servers written to resolv.conf in one piece, and the old file given back on disable. */
class SystemResolverTest {

    @Test
    void writesAtMostThreeServersAndTheSearchList(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("resolv.conf");
        Files.writeString(conf, "nameserver 10.0.0.1\n");
        SystemResolver r = new SystemResolver(conf, dir.resolve("saved"), Optional.empty());
        r.apply("bond0", List.of("192.168.50.1", "fd00:50::1", "9.9.9.9", "1.1.1.1"), List.of("lan"));
        String text = Files.readString(conf);
        assertTrue(text.startsWith("# Written by bondtray-helper for bond0"), text);
        assertEquals(3, text.lines().filter(l -> l.startsWith("nameserver ")).count(), text);
        assertTrue(text.contains("search lan\n"), text);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(conf)), "everyone must be able to read the resolver's file");

        r.withdraw("bond0");
        assertEquals("nameserver 10.0.0.1\n", Files.readString(conf));
        assertFalse(Files.exists(dir.resolve("saved")));
    }

    @Test
    void aLinkBelongsToAnotherServiceAndStays(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("stub-resolv.conf");
        Files.writeString(target, "nameserver 127.0.0.53\n");
        Path conf = Files.createSymbolicLink(dir.resolve("resolv.conf"), target);
        new SystemResolver(conf, dir.resolve("saved"), Optional.empty()).apply("bond0", List.of("192.168.50.1"), List.of());
        assertTrue(Files.isSymbolicLink(conf));
        assertEquals("nameserver 127.0.0.53\n", Files.readString(target));
    }

    @Test
    void systemdsResolvconfIsNotOneOfItsOwn(@TempDir Path dir) throws Exception {
        Path resolvectl = Files.createFile(dir.resolve("resolvectl"),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        Path shim = Files.createSymbolicLink(dir.resolve("resolvconf"), resolvectl);
        Path openresolv = Files.copy(resolvectl, dir.resolve("openresolv"));
        assertEquals(Optional.empty(), SystemResolver.resolvconf(List.of(shim)),
                "resolvectl as resolvconf works only while resolved runs, which the helper asks directly");
        assertEquals(Optional.of(openresolv), SystemResolver.resolvconf(List.of(shim, openresolv)));
    }

    @Test
    void noServersChangesNothing(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("resolv.conf");
        Files.writeString(conf, "nameserver 10.0.0.1\n");
        new SystemResolver(conf, dir.resolve("saved"), Optional.empty()).apply("bond0", List.of(), List.of());
        assertEquals("nameserver 10.0.0.1\n", Files.readString(conf));
    }
}
