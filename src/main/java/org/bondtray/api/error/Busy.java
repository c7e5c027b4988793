package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_BUSY}: Another change is being applied. */
@DBusInterfaceName(BondtrayBus.ERROR_BUSY)
public class Busy extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public Busy(String message) {
        super(message);
    }
}
