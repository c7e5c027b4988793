package org.bondtray.helper;

/** Where the helper's news goes: the bus object that turns it into properties and signals. */
public interface Publisher {
    /** The bond as it is now; the publisher sends what changed. */
    void publish(BondView view);

    void switchover(SwitchoverTracker.Switch change);

    /** The helper rolled a change back by itself, for {@code reason}. */
    void rolledBack(String reason);
}
