/**
 * Scoring: the collection scorecard (C卡) and its gradient-boosted challenger, trained from a CSV or the platform's
 * history, explained with reason codes; see docs/scoring.md.
 */
@NullMarked
@OwnsTables({"model_version", "model_approval", "account_score", "model_drift", "account_feature_snapshot"})
package io.candor.scoring;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
