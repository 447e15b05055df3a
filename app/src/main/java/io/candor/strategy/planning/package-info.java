/**
 * The strategy engine's adapters: stored strategy versions, the daily planning run (partitioned, resumable,
 * idempotent), capacity, collector teams and work queues, and their web API.
 */
@NullMarked
@org.springframework.modulith.NamedInterface("planning")
package io.candor.strategy.planning;

import org.jspecify.annotations.NullMarked;
