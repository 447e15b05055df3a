/**
 * The models themselves, pure Java with no database: training data, ChiMerge binning and weight of evidence,
 * logistic regression, the points-scaled scorecard with reason codes, the XGBoost challenger, metrics and
 * cross-validation. The CLI trains and evaluates offline through it.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("model")
package io.candor.scoring.model;

import org.jspecify.annotations.NullMarked;
