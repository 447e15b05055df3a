/**
 * Speech for voice conversations: synthesis and recognition adapters ({@link io.candor.agent.speech.Speech}), used by
 * the agent's spoken turns and by telephony's calls.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("speech")
package io.candor.agent.speech;

import org.jspecify.annotations.NullMarked;
