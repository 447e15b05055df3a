/**
 * The portfolio: creditors, placements, debtors, contact points and accounts. This first cut holds the
 * records and the read API; placement import, payments and aging build on it.
 */
@NullMarked
@OwnsTables({
        "creditor", "portfolio", "debtor", "contact_point", "account", "account_party", "debtor_contact_preference",
        "import_profile", "import_job", "import_rejection", "account_bucket_history", "eod_close", "bucket_scheme",
        "exchange_rate", "payment", "balance_adjustment"
})
package io.candor.portfolio;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
