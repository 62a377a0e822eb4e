package ca.calgary.representation.alerts.web;

import ca.calgary.representation.alerts.app.AlertLogUnavailableException;
import ca.calgary.representation.web.ProblemExceptionHandler;
import ca.calgary.representation.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as RFC 9457 problem details. */
@RestControllerAdvice
class AlertExceptionHandler extends ProblemExceptionHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return e.queryParameter()
                ? Problems.invalid(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query parameter", e.field(),
                e.getMessage())
                : Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request", e.field(),
                e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AlertsUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(AlertsUnavailableException e) {
        return Problems.serviceUnavailable("alerts-unavailable", "Alerts unavailable", e.getMessage());
    }

    @ExceptionHandler(AlertLogUnavailableException.class)
    ResponseEntity<ProblemDetail> logUnavailable(AlertLogUnavailableException e) {
        return Problems.serviceUnavailable("event-log-unavailable", "Event log unavailable", e.getMessage());
    }
}
