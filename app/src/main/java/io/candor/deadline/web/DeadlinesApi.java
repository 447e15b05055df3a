package io.candor.deadline.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.candor.deadline.DeadlineEngine;
import io.candor.deadline.DeadlineScenarios;
import io.candor.platform.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * What-if deadlines: one case (a JSON object) → its deadlines; an array of cases → an array of answers in the same
 * order, a case that cannot be read answered {@code {"index","error"}}. One case that cannot be read → {@code 400}.
 */
@RestController
class DeadlinesApi {

    private final DeadlineEngine engine = DeadlineEngine.shipped();

    @PostMapping("/api/v1/deadlines/evaluate")
    @PreAuthorize("isAuthenticated()")
    Object evaluate(@RequestBody JsonNode body) {
        if (body.isObject()) {
            try {
                return DeadlineScenarios.evaluate(engine, body);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(String.valueOf(e.getMessage()));
            }
        }
        if (!body.isArray()) {
            throw new BadRequestException("Send a case as a JSON object, or an array of cases.");
        }
        List<Map<String, @Nullable Object>> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : body) {
            try {
                out.add(DeadlineScenarios.evaluate(engine, n));
            } catch (IllegalArgumentException e) {
                Map<String, @Nullable Object> m = new LinkedHashMap<>();
                m.put("index", i);
                m.put("error", e.getMessage());
                out.add(m);
            }
            i++;
        }
        return out;
    }
}
