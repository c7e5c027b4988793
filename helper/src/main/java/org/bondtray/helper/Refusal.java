package org.bondtray.helper;

/**
 * Why the helper will not (or could not) do what it was asked, in its own words and without the
 * bus: the decisions know nothing of D-Bus. The bus adapter turns each {@link Kind} into the
 * documented {@code org.bondtray.Error.*} name; the message goes to the user as it is.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of no it is: the bus API's errors, one each. */
    public enum Kind {
        /** The request itself is wrong (an interface that does not exist, a network unknown). */
        INVALID_ARGS,
        /** What it names is not there (no bond set up, not a port of the bond, nothing to confirm). */
        NOT_FOUND,
        /** Another change is under way, or an interface belongs to something else. */
        BUSY,
        /** The kernel cannot make bonds. */
        UNSUPPORTED,
        /** A radio is blocked. */
        RFKILLED,
        /** It was tried and did not work. */
        FAILED
    }

    private final Kind kind;

    public Refusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID_ARGS, message);
    }

    static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, message);
    }

    static Refusal busy(String message) {
        return new Refusal(Kind.BUSY, message);
    }

    static Refusal unsupported(String message) {
        return new Refusal(Kind.UNSUPPORTED, message);
    }

    static Refusal rfkilled(String message) {
        return new Refusal(Kind.RFKILLED, message);
    }

    static Refusal failed(String message) {
        return new Refusal(Kind.FAILED, message);
    }

    /** The kernel would not make the bond: its driver is missing, a radio is blocked, or it said why not. */
    static Refusal kernelRefusedBond(org.bondtray.helper.kernel.NetlinkException e) {
        if (e.unsupported()) {
            return unsupported("the kernel refused to make a bond: " + e.getMessage());
        }
        return failed(e.rfkilled() ? "a radio is blocked by rfkill: " + e.getMessage() : e.getMessage());
    }
}
