package org.bondtray.lab.guest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What arrives on another thread (a bus signal as it comes), kept in order, and a wait for one
 * that its arrival wakes: the wait adds nothing to what it measures.
 */
final class Arrivals<T> {
    private final List<T> items = new ArrayList<>();

    synchronized void add(T item) {
        items.add(item);
        notifyAll();
    }

    synchronized int size() {
        return items.size();
    }

    synchronized List<T> since(int index) {
        return List.copyOf(items.subList(index, items.size()));
    }

    /** The first item from {@code since} on that {@code matches}, waiting up to {@code timeout} for {@code what}. */
    synchronized T await(int since, Predicate<T> matches, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (T item : items.subList(since, items.size())) {
                if (matches.test(item)) {
                    return item;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; what came meanwhile: " + items.subList(since, items.size()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
