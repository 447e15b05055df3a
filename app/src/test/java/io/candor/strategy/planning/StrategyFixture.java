package io.candor.strategy.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.candor.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A test tenant ready to plan: the shipped templates, the default strategy without holdout, a Mandarin team. */
public final class StrategyFixture {

    private StrategyFixture() {
    }

    static String resource(String name) throws IOException {
        try (InputStream in = StrategyFixture.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The shipped strategy with the holdout given to the champion. */
    public static String strategy() throws IOException {
        return resource("/strategy/default.yaml").replace("holdout: 5", "holdout: 0").replace("share: 80", "share: 85");
    }

    public static void install(Api api, String admin, String supervisor) throws IOException {
        for (JsonNode t : JsonMapper.builder().build().readTree(resource("/strategy/default-templates.json"))) {
            String code = t.get("code").asString();
            ((ObjectNode) t).remove("code");
            Api.Response r = api.put("/api/v1/templates/" + code, admin, t.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Api.Response published = api.post("/api/v1/strategies", admin, strategy(), "Content-Type", "application/yaml");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        Api.Response team = api.put("/api/v1/teams/mandarin", supervisor, """
                {"code": "mandarin", "name": "Mandarin M2+", "languages": ["zh-CN"], "buckets": [], "products": [],
                 "rank": 1, "members": ["collector"]}""");
        assertThat(team.status()).as(team.body()).isEqualTo(200);
    }
}
