package org.bondtray.api;

/**
 * Every name of Bondtray's D-Bus API, spelled once: the helper, the command line and the tray
 * app use these, and {@code src/doc/} documents them.
 */
public final class BondtrayBus {
    public static final String BUS_NAME = "org.bondtray.Helper";
    public static final String ROOT_PATH = "/org/bondtray/Helper";
    public static final String BOND_INTERFACE = "org.bondtray.Bond";

    public static final String ERROR_NOT_AUTHORIZED = org.bondtray.Error.NotAuthorized.class.getName();
    public static final String ERROR_INVALID_ARGS = org.bondtray.Error.InvalidArgs.class.getName();
    public static final String ERROR_NOT_FOUND = org.bondtray.Error.NotFound.class.getName();
    public static final String ERROR_UNSUPPORTED = org.bondtray.Error.Unsupported.class.getName();
    public static final String ERROR_RFKILLED = org.bondtray.Error.RfKilled.class.getName();
    public static final String ERROR_BUSY = org.bondtray.Error.Busy.class.getName();
    public static final String ERROR_FAILED = org.bondtray.Error.Failed.class.getName();

    /** polkit action for changing which link carries traffic (active local session may). */
    public static final String ACTION_SWITCH = "org.bondtray.switch";
    /** polkit action for creating, changing and removing the bond (administrator, kept). */
    public static final String ACTION_CONFIGURE = "org.bondtray.configure";

    /** The bond name the helper manages unless configured otherwise. */
    public static final String DEFAULT_BOND = "bond0";

    private BondtrayBus() {
    }

    /** The object path of a bond; bond names are plain interface names, valid path elements. */
    public static String bondPath(String bond) {
        return ROOT_PATH + "/" + bond;
    }
}
