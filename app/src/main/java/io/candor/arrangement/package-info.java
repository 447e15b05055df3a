/**
 * Arrangements: the ways a debtor resolves a debt — promises to pay, instalment plans, settlements, hardship
 * buffers and SME restructurings — each bounded by the creditor's policy, approved where the offerer's authority
 * ends, monitored on the business date and evidence-logged. The rules ({@link io.candor.arrangement.PolicyCheck},
 * {@link io.candor.arrangement.Schedules}, {@link io.candor.arrangement.Monitoring}) are pure Java; the services and
 * web API are their adapters.
 */
@NullMarked
@OwnsTables({"arrangement_policy", "arrangement", "arrangement_instalment", "arrangement_decision"})
package io.candor.arrangement;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
