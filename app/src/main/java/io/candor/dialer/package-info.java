/**
 * The dialer: campaigns over the day's queues, collectors' extensions and their states, calls bridged between a
 * debtor and a collector, and the pacing that keeps collectors busy within the abandoned-call limits. The pure pacing
 * is in {@code dialer.pacing}; the simulator that runs it in simulated time in {@code dialer.simulation}.
 */
@NullMarked
@OwnsTables({"agent_state", "agent_state_change", "campaign", "campaign_call"})
package io.candor.dialer;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
