package org.bondtray.api.error;

import org.bondtray.api.BondtrayBus;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/** {@value BondtrayBus#ERROR_NOT_AUTHORIZED}: The caller may not do this; polkit said no. */
@DBusInterfaceName(BondtrayBus.ERROR_NOT_AUTHORIZED)
public class NotAuthorized extends DBusExecutionException {
    private static final long serialVersionUID = 1L;

    public NotAuthorized(String message) {
        super(message);
    }
}
