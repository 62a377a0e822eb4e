package ca.calgary.representation.metrics.web;

import ca.calgary.representation.metrics.app.ReferenceDataUnavailableException;
import ca.calgary.representation.web.ProblemExceptionHandler;
import ca.calgary.representation.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals as RFC 9457 problem details. */
@RestControllerAdvice
class MetricsExceptionHandler extends ProblemExceptionHandler {

    @ExceptionHandler(MetricsUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(MetricsUnavailableException e) {
        return Problems.serviceUnavailable("metrics-unavailable", "Metrics unavailable", e.getMessage());
    }

    @ExceptionHandler(InvalidReferenceDataException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReferenceDataException e) {
        return Problems.invalid(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-" + e.kind(), "Invalid " + e.kind(),
                e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        return Problems.invalid(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query parameter", e.field(),
                e.getMessage());
    }

    @ExceptionHandler(ReferenceDataUnavailableException.class)
    ResponseEntity<ProblemDetail> referenceDataUnavailable(ReferenceDataUnavailableException e) {
        return Problems.serviceUnavailable("event-log-unavailable", "Event log unavailable", e.getMessage());
    }
}
