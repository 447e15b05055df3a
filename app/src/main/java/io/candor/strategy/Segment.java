package io.candor.strategy;

/** Accounts matching {@code when} go on {@code path}; segments are tried in order and the first match wins. */
public record Segment(String id, Criteria when, String path, int line) {
}
