package io.candor.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a call's recording is kept ({@code compliance/retention/call-recordings.json}): at least its debtor's
 * jurisdiction's minimum, longer when the tenant keeps recordings longer, counted from the day the call ended.
 */
final class RecordingRetention {

    /** The day until which a recording is kept, and the rule that set it. */
    record Keep(LocalDate until, String rule) {
    }

    private final JsonNode rules;

    private RecordingRetention(JsonNode rules) {
        this.rules = rules;
    }

    static RecordingRetention shipped() {
        try (InputStream in = RecordingRetention.class.getResourceAsStream("/compliance/retention/call-recordings.json")) {
            if (in == null) {
                throw new IllegalStateException("compliance/retention/call-recordings.json is missing from the build");
            }
            return new RecordingRetention(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Until when the recording of a call that ended on {@code ended} is kept: the debtor's jurisdiction's minimum, or
     * longer when the call's creditor or the tenant keeps recordings longer (the longer of the two).
     */
    Keep keep(String country, LocalDate ended, int tenantYears, int creditorYears) {
        String c = country.toUpperCase(Locale.ROOT);
        JsonNode rule = rules.has(c) ? rules.get(c) : rules.get("default");
        int years = rule.get("years").asInt();
        String source = (rules.has(c) ? c : "default") + ": " + rule.get("source").asString();
        int longer = Math.max(tenantYears, creditorYears);
        if (longer > years) {
            return new Keep(ended.plusYears(longer), (creditorYears >= tenantYears ? "the creditor" : "the tenant")
                    + " keeps recordings " + longer + " years (at least " + years + ": " + source + ")");
        }
        return new Keep(ended.plusYears(years), source);
    }
}
