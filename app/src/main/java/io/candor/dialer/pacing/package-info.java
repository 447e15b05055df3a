/**
 * Pacing, pure: how many lines a campaign rings now for the collectors it has and will have, and the abandoned-call
 * limits it may never break ({@code compliance/dialer/abandonment.json}). No Spring, no SQL, no sockets: the dialer
 * and the pacing simulator run the same code.
 */
@NullMarked
package io.candor.dialer.pacing;

import org.jspecify.annotations.NullMarked;
