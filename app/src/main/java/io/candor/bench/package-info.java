/** Benchmarks run with {@code bin/candor bench …}: figures with a baseline measured in the same run. */
@NullMarked
package io.candor.bench;

import org.jspecify.annotations.NullMarked;
