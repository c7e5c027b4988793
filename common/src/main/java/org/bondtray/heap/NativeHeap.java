package org.bondtray.heap;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The C heap under the JVM. Starting up (class loading, the bus library's setup, a toolkit's)
 * leaves freed malloc memory that glibc keeps; the helper and the tray then run all day on a
 * fraction of it. Giving it back once, after the start has settled, costs no timer and no
 * wake-up later.
 */
public final class NativeHeap {
    /** glibc's malloc_trim(3); absent under another C library, where there is nothing to do. */
    private static final Optional<MethodHandle> MALLOC_TRIM = Linker.nativeLinker().defaultLookup()
            .find("malloc_trim")
            .map(f -> Linker.nativeLinker().downcallHandle(f, FunctionDescriptor.of(JAVA_INT, JAVA_LONG)));

    private NativeHeap() {
    }

    /** Gives the C heap's free pages back to the kernel; whether there were any. */
    public static boolean trim() {
        if (MALLOC_TRIM.isEmpty()) {
            return false;
        }
        try {
            return (int) MALLOC_TRIM.get().invokeExact(0L) == 1;
        } catch (Throwable e) {
            // malloc_trim neither fails nor throws; a JVM that refuses the call has nothing to give
            return false;
        }
    }
}
