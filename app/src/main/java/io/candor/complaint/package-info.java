/**
 * Complaints (投诉) as cases: one intake for every channel, the lifecycle RECEIVED → ACKNOWLEDGED → INVESTIGATING →
 * RESPONDED → CLOSED (or REFERRED to an ombudsman, REOPENED), a handler who is never the one the complaint is about,
 * a final response a second person approves, the debtor's jurisdiction's deadlines (the deadline engine), and the
 * account's COMPLAINT_OPEN hold kept while the case is open. Repeats of one grievance are linked, not counted twice.
 */
@NullMarked
@OwnsTables({"complaint_case", "complaint_step"})
package io.candor.complaint;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
