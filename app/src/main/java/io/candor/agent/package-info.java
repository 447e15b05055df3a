/**
 * The AI collection agent (智能催收机器人): understanding what a debtor says (intent and emotion, sub-package
 * {@code nlu}, usable offline by the CLI).
 */
@NullMarked
package io.candor.agent;

import org.jspecify.annotations.NullMarked;
