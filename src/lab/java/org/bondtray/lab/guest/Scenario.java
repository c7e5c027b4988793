package org.bondtray.lab.guest;

/** One thing the lab proves, run inside the VM against the live topology. */
interface Scenario {
    /** Acts and measures; the host's test case judges what lands in {@code results}. */
    void run(Lab lab, Results results) throws Exception;

    /**
     * Whether it starts from the installed package, as the topology left it. The package drill
     * does not: it removes it first. Each reinstall costs half a minute of the emulated CPU.
     */
    default boolean needsProduct() {
        return true;
    }
}
