package io.github.botconnector.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a missing or wrong {@code botconnector.*} setting as Spring Boot's "APPLICATION FAILED TO START" report. */
public final class MissingSettingAnalyzer extends AbstractFailureAnalyzer<MissingSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingException cause) {
        String message = cause.getMessage();
        String description = message.substring(0, message.length() - cause.action().length() - 2) + ".";
        return new FailureAnalysis(description, cause.action(), cause);
    }
}
