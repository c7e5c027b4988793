/**
 * systemd-logind's word that the machine goes to sleep and wakes up ({@code PrepareForSleep}),
 * as the helper and the tray follow it. Names are spelled once, in {@link Login1}.
 */
package org.bondtray.logind;
