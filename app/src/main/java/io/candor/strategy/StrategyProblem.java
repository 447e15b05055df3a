package io.candor.strategy;

/** One thing wrong with a strategy file: where (a path like {@code segments[2].when.dpd} and a 1-based line), why. */
public record StrategyProblem(Severity severity, String path, int line, String reason) {

    /** Errors refuse the file; warnings are reported and the file may still be activated. */
    public enum Severity {
        ERROR, WARNING
    }

    public static StrategyProblem error(String path, int line, String reason) {
        return new StrategyProblem(Severity.ERROR, path, line, reason);
    }

    public static StrategyProblem warning(String path, int line, String reason) {
        return new StrategyProblem(Severity.WARNING, path, line, reason);
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + path + ": " + reason;
    }
}
