/**
 * The screens collectors and supervisors work in: the queue, the account 360, contact through the gate (the
 * decision shown before acting), dispositions with promise and plan capture, notes, the script panel; the
 * supervisor's live view of people and queues, compliance exceptions, complaint deadlines and QA reviews.
 */
@NullMarked
@OwnsTables({"contact_disposition", "account_note", "qa_review"})
package io.candor.workbench;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
