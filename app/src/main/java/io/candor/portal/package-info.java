/**
 * The debtor self-service portal (阳光催收): reached by a signed, expiring, single-purpose link, opened after the
 * debtor proves who they are; shows the balance, the full collection history and the debtor's rights, and lets the
 * debtor take a plan or settlement within the creditor's bounds, promise, pay, dispute, complain, set contact
 * preferences and talk to the AI agent. Nothing in its URLs names an account.
 */
@NullMarked
@OwnsTables({"portal_link", "portal_verification", "dispute_document"})
package io.candor.portal;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
