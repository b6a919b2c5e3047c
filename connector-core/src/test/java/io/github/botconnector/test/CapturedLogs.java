package io.github.botconnector.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for tests that records every log call at every level (TRACE included), so tests can assert
 * that no token or secret is ever logged. Registered through {@code META-INF/services} in the test class path.
 * Set {@code -Dcapturedlogs.echo=true} to also print the lines to standard error.
 */
public final class CapturedLogs implements SLF4JServiceProvider {

    /** One recorded log call: level, logger name, formatted message and the throwable's text (with causes). */
    public record Event(Level level, String logger, String message, String throwable) {
        /** Message and throwable text together, for searching. */
        public String fullText() {
            return throwable == null ? message : message + "\n" + throwable;
        }
    }

    private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new BasicMDCAdapter();

    /** All events recorded so far in this JVM. */
    public static List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets the recorded events. */
    public static void clear() {
        EVENTS.clear();
    }

    /** All recorded text (messages and throwables), one event per line, for {@code contains} assertions. */
    public static String allText() {
        StringBuilder sb = new StringBuilder();
        for (Event e : EVENTS) {
            sb.append(e.level()).append(' ').append(e.logger()).append(' ').append(e.fullText()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up
    }

    private static final class CapturingLogger extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        private static final boolean ECHO = Boolean.getBoolean("capturedlogs.echo");

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                                   Throwable throwable) {
            String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
            String thrown = null;
            if (throwable != null) {
                List<String> parts = new ArrayList<>();
                for (Throwable t = throwable; t != null && parts.size() < 10; t = t.getCause()) {
                    parts.add(t.toString());
                }
                thrown = String.join("\ncaused by: ", parts);
            }
            EVENTS.add(new Event(level, name, message, thrown));
            if (ECHO) {
                System.err.println(level + " " + name + " " + message + (thrown == null ? "" : "\n" + thrown));
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled(Marker marker) {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled(Marker marker) {
            return true;
        }
    }
}
