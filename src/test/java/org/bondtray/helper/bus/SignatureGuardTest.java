package org.bondtray.helper.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The guard picks its rejector by the number of complete types in the call's signature. */
class SignatureGuardTest {

    @Test
    void countsCompleteTypes() {
        assertEquals(0, SignatureGuard.arity(""));
        assertEquals(0, SignatureGuard.arity(null));
        assertEquals(1, SignatureGuard.arity("u"));
        assertEquals(1, SignatureGuard.arity("a{sv}"));
        assertEquals(2, SignatureGuard.arity("ss"));
        assertEquals(1, SignatureGuard.arity("a(sa{sv}u)"));
        assertEquals(3, SignatureGuard.arity("aay(ii)v"));
        assertEquals(2, SignatureGuard.arity("a{s(ii)}as"));
    }

    @Test
    void malformedSignaturesCountAsNone() {
        assertEquals(-1, SignatureGuard.arity("a"));
        assertEquals(-1, SignatureGuard.arity("(ii"));
        assertEquals(-1, SignatureGuard.arity("z"));
    }
}
