package ca.calgary.representation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details as the services answer them, with types under {@link ServiceSecurity#PROBLEM_TYPES}. */
public final class Problems {

    private Problems() {
    }

    /** A refusal naming the field at fault ({@code errors: [{field, reason}]}). */
    public static ResponseEntity<ProblemDetail> invalid(HttpStatus status, String type, String title, String field,
                                                        String reason) {
        ProblemDetail problem = problem(status, type, title, reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return ResponseEntity.status(status).body(problem);
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, type, title, detail));
    }

    /** 503 with {@code Retry-After: 5}: Kafka or the registry is not answering yet. */
    public static ResponseEntity<ProblemDetail> serviceUnavailable(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ServiceSecurity.PROBLEM_TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
