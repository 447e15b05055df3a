package io.candor.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A document the caller sent with several problems: the message sums up, {@code problems} lists each one. */
public class InvalidInputException extends BadRequestException {

    private final transient List<?> problems;

    public InvalidInputException(String message, List<?> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<?> problems() {
        return problems;
    }

    /** The {@link FieldProblem}s by field, several for one field joined with "; ": what a form shows beside each. */
    public Map<String, String> byField() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Object p : problems) {
            if (p instanceof FieldProblem f) {
                fields.merge(f.field(), f.fix(), (a, b) -> a + "; " + b);
            }
        }
        return fields;
    }
}
