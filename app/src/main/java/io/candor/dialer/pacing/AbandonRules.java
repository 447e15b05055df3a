package io.candor.dialer.pacing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The abandoned-call rules a campaign keeps, as shipped in {@code compliance/dialer/abandonment.json}: each limit on
 * the abandoned share of live calls over its window, how soon an answered debtor must reach a collector, how long an
 * unanswered call rings at least, how long an abandoned number rests from automated dialling, whether an
 * answering-machine detector's mistakes count as abandoned, and the information message: its longest length and
 * its text by language, with {@code {caller}} and {@code {callBack}} to fill.
 */
public record AbandonRules(List<Limit> limits, Duration connectWithin, Duration minRing,
                           Duration noRepeatAfterAbandon, boolean amdFalsePositivesAreAbandoned,
                           Duration informationMessageMax, Map<String, String> informationMessages) {

    /** At most {@code maxRate} of the live calls of a campaign over every {@code window} may be abandoned. */
    public record Limit(String id, Duration window, double maxRate, String source) {
    }

    public AbandonRules {
        limits = List.copyOf(limits);
        informationMessages = Map.copyOf(informationMessages);
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("abandonment rules need at least one limit");
        }
    }

    /** The rules as shipped. */
    public static AbandonRules shipped() {
        try (InputStream in = AbandonRules.class.getResourceAsStream("/compliance/dialer/abandonment.json")) {
            if (in == null) {
                throw new IllegalStateException("compliance/dialer/abandonment.json is missing from the build");
            }
            return of(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AbandonRules of(JsonNode json) {
        List<Limit> limits = new ArrayList<>();
        for (JsonNode l : json.get("limits")) {
            limits.add(new Limit(l.get("id").asString(), Duration.parse(l.get("window").asString()),
                    l.get("maxRate").asDouble(), l.get("source").asString()));
        }
        return new AbandonRules(limits, Duration.ofSeconds(json.get("connectWithinSeconds").get("value").asLong()),
                Duration.ofSeconds(json.get("minRingSeconds").get("value").asLong()),
                Duration.ofHours(json.get("noRepeatAfterAbandonHours").get("value").asLong()),
                json.get("amdFalsePositivesAreAbandoned").get("value").asBoolean(),
                Duration.ofSeconds(json.get("informationMessage").get("maxSeconds").asLong()), texts(json));
    }

    private static Map<String, String> texts(JsonNode json) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        JsonNode t = json.get("informationMessage").get("texts");
        if (t != null) {
            t.properties().forEach(e -> texts.put(e.getKey(), e.getValue().asString()));
        }
        return texts;
    }
}
