package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_INVALID_ARGS}: An argument is malformed or out of range; nothing was changed. */
@DBusInterfaceName(BondtrayBus.ERROR_INVALID_ARGS)
public class InvalidArgs extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public InvalidArgs(String message) {
        super(message);
    }
}
