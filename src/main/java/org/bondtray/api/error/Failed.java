package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_FAILED}: The kernel refused; the message says what and why. */
@DBusInterfaceName(BondtrayBus.ERROR_FAILED)
public class Failed extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public Failed(String message) {
        super(message);
    }
}
