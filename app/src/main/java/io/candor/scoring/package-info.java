/**
 * Scoring: the collection scorecard (C卡) and its gradient-boosted challenger, trained from a CSV or the platform's
 * history, explained with reason codes; see docs/scoring.md.
 */
@NullMarked
package io.candor.scoring;

import org.jspecify.annotations.NullMarked;
