package io.candor.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link CandorStartupException} into Spring Boot's short "APPLICATION FAILED TO START" report. */
class CandorStartupFailureAnalyzer extends AbstractFailureAnalyzer<CandorStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CandorStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
