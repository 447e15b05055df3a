/**
 * The audit trail: an append-only record of every change and every read of a debtor's personal data —
 * who, when, in which tenant, what, and for which purpose. PostgreSQL refuses updates and deletes.
 */
@NullMarked
package io.candor.audit;

import org.jspecify.annotations.NullMarked;
