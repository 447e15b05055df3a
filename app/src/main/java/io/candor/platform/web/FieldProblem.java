package io.candor.platform.web;

/** What is wrong with one field of a request or a form, and what to do: {@code {"field","fix"}} in problem details. */
public record FieldProblem(String field, String fix) {
}
