package org.bondtray.helper.kernel;

/**
 * The C heap under the JVM. Starting up (class loading, the bus library's setup) leaves freed
 * malloc memory that glibc keeps; the helper then runs all day on a fraction of it. Giving it
 * back once, after the start has settled, costs no timer and no wakeup later.
 */
public final class NativeHeap {
    private NativeHeap() {
    }

    /** Gives the C heap's free pages back to the kernel; whether there were any. */
    public static boolean trim() {
        return Libc.mallocTrim();
    }
}
