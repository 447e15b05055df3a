/**
 * Tenants: a creditor institution (lender) or an agency workspace. Each tenant's data is isolated by
 * PostgreSQL row-level security.
 */
@NullMarked
package io.candor.tenancy;

import org.jspecify.annotations.NullMarked;
