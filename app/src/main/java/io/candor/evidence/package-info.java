/**
 * The evidence log: a tamper-evident, independently verifiable record of every collection action, after
 * Certificate Transparency (RFC 9162) with C2SP checkpoints, signed notes and proofs. Other modules publish
 * {@link io.candor.platform.evidence.EvidenceEvent}s; this module logs them, issues signed checkpoints, serves
 * proofs and bundles, and audits itself.
 */
@NullMarked
@OwnsTables({"evidence_pending", "evidence_entry", "evidence_tile", "evidence_checkpoint", "evidence_audit"})
package io.candor.evidence;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
