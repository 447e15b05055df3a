/**
 * The AI collection agent (智能催收机器人): understanding what a debtor says (intent and emotion, sub-package
 * {@code nlu}, usable offline by the CLI).
 */
@NullMarked
@OwnsTables({"agent_conversation", "agent_turn"})
package io.candor.agent;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
