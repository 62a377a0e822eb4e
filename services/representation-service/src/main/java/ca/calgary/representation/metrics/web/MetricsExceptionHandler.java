package ca.calgary.representation.metrics.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create(PROBLEMS + "metrics-unavailable"));
        problem.setTitle("Metrics unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(InvalidBenchmarkException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidBenchmarkException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create(PROBLEMS + "invalid-benchmark"));
        problem.setTitle("Invalid benchmark");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.getMessage())));
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> kafkaUnavailable(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(URI.create(PROBLEMS + "event-log-unavailable"));
        problem.setTitle("Event log unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
