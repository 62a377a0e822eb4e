package ca.calgary.representation.metrics.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.metrics.app.ReferenceDataUnavailableException;
import ca.calgary.representation.web.ServiceSecurity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Refusals as RFC 9457 problem details. */
@RestControllerAdvice
class MetricsExceptionHandler extends ResponseEntityExceptionHandler {

    static final String PROBLEMS = ServiceSecurity.PROBLEM_TYPES;

    @ExceptionHandler(MetricsUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(MetricsUnavailableException e) {
        return serviceUnavailable("metrics-unavailable", "Metrics unavailable", e.getMessage());
    }

    @ExceptionHandler(InvalidBenchmarkException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidBenchmarkException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create(PROBLEMS + "invalid-benchmark"));
        problem.setTitle("Invalid benchmark");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.getMessage())));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create(PROBLEMS + "invalid-query"));
        problem.setTitle("Invalid query parameter");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ReferenceDataUnavailableException.class)
    ResponseEntity<ProblemDetail> referenceDataUnavailable(ReferenceDataUnavailableException e) {
        return serviceUnavailable("event-log-unavailable", "Event log unavailable", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
