/**
 * The shared kernel every module stands on: configuration, the database (embedded or external), the
 * per-transaction tenant context that row-level security reads, identifiers, and web conventions.
 */
@NullMarked
@OwnsTables({"idempotency_record"})
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.candor.platform;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
