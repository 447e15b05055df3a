/**
 * The strategy engine: which treatment every open account gets on a business day. A strategy is data (segments
 * → treatment paths → steps, with champion/challenger variants), parsed and checked here in pure Java (no Spring,
 * no SQL); the daily planning run, work queues and the web API are in {@code planning}.
 */
@NullMarked
@OwnsTables({
        "strategy_version", "account_signal", "account_path", "strategy_assignment", "plan_run", "plan_partition",
        "plan_action", "collector_team", "collector_team_member", "account_assignment", "work_item"
})
package io.candor.strategy;

import io.candor.platform.db.OwnsTables;
import org.jspecify.annotations.NullMarked;
