package ca.calgary.representation.alerts.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.app.AlertLogUnavailableException;
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
class AlertExceptionHandler extends ResponseEntityExceptionHandler {

    private static final String PROBLEMS = ServiceSecurity.PROBLEM_TYPES;

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        HttpStatus status = e.queryParameter() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create(PROBLEMS + (e.queryParameter() ? "invalid-query" : "invalid-request")));
        problem.setTitle(e.queryParameter() ? "Invalid query parameter" : "Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.getMessage())));
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create(PROBLEMS + "not-found"));
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(AlertsUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(AlertsUnavailableException e) {
        return serviceUnavailable("alerts-unavailable", "Alerts unavailable", e.getMessage());
    }

    @ExceptionHandler(AlertLogUnavailableException.class)
    ResponseEntity<ProblemDetail> logUnavailable(AlertLogUnavailableException e) {
        return serviceUnavailable("event-log-unavailable", "Event log unavailable", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(PROBLEMS + type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }
}
