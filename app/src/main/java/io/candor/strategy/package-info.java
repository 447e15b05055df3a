/**
 * The strategy engine: which treatment every open account gets on a business day. A strategy is data (segments
 * → treatment paths → steps, with champion/challenger variants), parsed and checked here in pure Java (no Spring,
 * no SQL); the daily planning run, work queues and the web API are in {@code planning}.
 */
@NullMarked
package io.candor.strategy;

import org.jspecify.annotations.NullMarked;
