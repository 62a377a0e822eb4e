package ca.calgary.representation.streams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Puts the pipeline's freshness on every answer of the paths that serve published tables (JSON, CSV and the start of
 * a live stream alike): when the tables behind the answer last changed, whether the pipeline is caught up, and its
 * lag in events and seconds. Runs after authentication, so only those who may read the figures learn it.
 */
public final class FreshnessHeaders implements HandlerInterceptor {

    /** When the answer's tables last changed (ISO-8601), absent before their first publication. */
    public static final String COMPUTED_AT = "Figures-Computed-At";
    /** {@code true} once every input event is processed and published. */
    public static final String CAUGHT_UP = "Pipeline-Caught-Up";
    /** Input events not processed yet. */
    public static final String LAG_EVENTS = "Pipeline-Lag-Events";
    /** How long the oldest event not yet reflected may have waited, in seconds. */
    public static final String LAG_SECONDS = "Pipeline-Lag-Seconds";
    /** When the lag was measured (ISO-8601). */
    public static final String OBSERVED_AT = "Pipeline-Observed-At";

    private final PipelineStatus status;
    private final Map<String, Set<String>> tablesByPath = new LinkedHashMap<>();

    public FreshnessHeaders(PipelineStatus status) {
        this.status = status;
    }

    /** Answers under {@code pathPrefix} are computed from {@code tables}. */
    public FreshnessHeaders path(String pathPrefix, String... tables) {
        tablesByPath.put(pathPrefix, Set.of(tables));
        return this;
    }

    public Set<String> pathPrefixes() {
        return tablesByPath.keySet();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        tablesByPath.entrySet().stream()
                .filter(entry -> path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/"))
                .findFirst()
                .ifPresent(entry -> write(status.status(), entry.getValue(), response));
        return true;
    }

    private static void write(PipelineStatus.Status current, Set<String> tables, HttpServletResponse response) {
        current.computedAt(tables).ifPresent(time -> response.setHeader(COMPUTED_AT, time.toString()));
        response.setHeader(CAUGHT_UP, Boolean.toString(current.caughtUp()));
        response.setHeader(LAG_EVENTS, Long.toString(current.lagEvents()));
        response.setHeader(LAG_SECONDS, Long.toString(current.lagSeconds()));
        response.setHeader(OBSERVED_AT, current.observedAt().toString());
    }
}
