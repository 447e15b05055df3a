/** The deadline engine over REST: {@code POST /api/v1/deadlines/evaluate}, the same contract as the CLI. */
@NullMarked
package io.candor.deadline.web;

import org.jspecify.annotations.NullMarked;
