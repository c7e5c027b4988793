package org.bondtray.wpa;

/** The bus name, object path and interface names of wpa_supplicant's D-Bus API, spelled once. */
public final class Wpa {
    public static final String BUS_NAME = "fi.w1.wpa_supplicant1";
    public static final String PATH = "/fi/w1/wpa_supplicant1";
    public static final String INTERFACE = "fi.w1.wpa_supplicant1.Interface";
    public static final String BSS = "fi.w1.wpa_supplicant1.BSS";
    public static final String NETWORK = "fi.w1.wpa_supplicant1.Network";

    /** The interface error wpa_supplicant returns from GetInterface for an unknown name. */
    public static final String ERROR_INTERFACE_UNKNOWN = "fi.w1.wpa_supplicant1.InterfaceUnknown";

    /** Value of the interface's {@code State} property once keys are installed and data can flow. */
    public static final String STATE_COMPLETED = "completed";

    private Wpa() {
    }
}
