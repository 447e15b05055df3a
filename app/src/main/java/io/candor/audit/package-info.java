/**
 * The audit trail: an append-only record of every change and every read of a debtor's personal data —
 * who, when, in which tenant, what, and for which purpose. PostgreSQL refuses updates and deletes.
 */
@NullMarked
@OwnsTables({"audit_event"})
package io.candor.audit;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
