package org.bondtray.lab.guest;

/** One thing the lab proves, run inside the VM against the live topology. */
interface Scenario {
    /** Acts and measures; the host's test case judges what lands in {@code results}. */
    void run(Lab lab, Results results) throws Exception;
}
