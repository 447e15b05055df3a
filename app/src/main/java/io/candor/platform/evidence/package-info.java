/** The event every module publishes for the evidence log. */
@NullMarked
package io.candor.platform.evidence;

import org.jspecify.annotations.NullMarked;
