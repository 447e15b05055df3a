/**
 * Intent and emotion classification for Simplified Chinese, Traditional Chinese and English: a corpus written for
 * the project (hand-written seeds, expanded deterministically with fillers, typos, mixed language and emotion
 * markers), hashed character and word n-grams, multinomial logistic regression. No model is downloaded: it is
 * trained from the shipped corpus.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("nlu")
package io.candor.agent.nlu;

import org.jspecify.annotations.NullMarked;
