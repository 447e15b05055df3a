/**
 * The pacing simulator: the real {@link io.candor.dialer.pacing.Pacer} against a simulated floor of collectors and a
 * seeded population of debtors, in simulated time ({@code bin/candor bench dialer}). No Spring, no SQL, no sockets.
 */
@NullMarked
package io.candor.dialer.simulation;

import org.jspecify.annotations.NullMarked;
