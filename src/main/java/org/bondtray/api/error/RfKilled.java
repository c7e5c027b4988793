package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_RFKILLED}: A radio is blocked by rfkill. */
@DBusInterfaceName(BondtrayBus.ERROR_RFKILLED)
public class RfKilled extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public RfKilled(String message) {
        super(message);
    }
}
