/**
 * The compliance engine: jurisdiction rule packs as data, and the evaluation every outbound contact passes.
 * Pure Java (no Spring, no SQL): the same evaluation serves the what-if CLI, the REST API and the contact gate.
 */
@NullMarked
@OwnsTables({"compliance_policy", "account_hold", "contact_decision", "contact_event"})
package io.candor.compliance;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
