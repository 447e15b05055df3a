/**
 * Tenants: a creditor institution (lender) or an agency workspace. Each tenant's data is isolated by
 * PostgreSQL row-level security.
 */
@NullMarked
@OwnsTables({"tenant"})
package io.candor.tenancy;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
