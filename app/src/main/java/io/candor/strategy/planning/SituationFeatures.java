package io.candor.strategy.planning;

import java.util.HashMap;
import java.util.Map;

import io.candor.scoring.PlatformFeatures;
import io.candor.strategy.AccountSituation;

/** An account's situation as the scoring model's features, under the names of {@link PlatformFeatures}. */
final class SituationFeatures {

    private SituationFeatures() {
    }

    static Map<String, Object> of(PlanningInput in) {
        AccountSituation s = in.situation();
        Map<String, Object> f = new HashMap<>();
        f.put("dpd", s.dpd());
        f.put("balance", in.value());
        f.put("attempts", s.attempts());
        f.put("attemptsWithoutContact", s.attemptsWithoutContact());
        f.put("daysSinceContact", s.daysSinceContact()); // null: never reached
        f.put("brokenArrangements", s.brokenArrangements());
        f.put("paymentsLast90Days", in.payments().last90Days());
        f.put("daysSincePayment", in.payments().daysSinceLast()); // null: never paid
        f.put("bucket", s.bucket());
        f.put("product", s.product());
        f.put("language", s.language());
        f.put("region", s.region());
        f.put("country", s.country());
        f.put("currency", s.currency());
        f.put("arrangement", s.arrangement().name());
        f.put("negativeEmotion", Boolean.toString(s.negativeEmotion()));
        f.put("vulnerable", Boolean.toString(s.vulnerable()));
        f.put("escalated", Boolean.toString(s.escalated()));
        return f;
    }
}
