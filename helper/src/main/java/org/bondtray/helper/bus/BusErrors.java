package org.bondtray.helper.bus;

import org.bondtray.Error.Busy;
import org.bondtray.Error.Failed;
import org.bondtray.Error.InvalidArgs;
import org.bondtray.Error.NotFound;
import org.bondtray.Error.RfKilled;
import org.bondtray.Error.Unsupported;
import org.bondtray.helper.Refusal;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** The helper's refusals as the bus API names them (src/doc/bond-api.txt); the message stays. */
final class BusErrors {
    private BusErrors() {
    }

    static DBusExecutionException of(Refusal r) {
        return switch (r.kind()) {
            case INVALID_ARGS -> new InvalidArgs(r.getMessage());
            case NOT_FOUND -> new NotFound(r.getMessage());
            case BUSY -> new Busy(r.getMessage());
            case UNSUPPORTED -> new Unsupported(r.getMessage());
            case RFKILLED -> new RfKilled(r.getMessage());
            case FAILED -> new Failed(r.getMessage());
        };
    }
}
