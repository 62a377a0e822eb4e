package ca.calgary.representation.ingest.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.ingest.core.Violation;
import ca.calgary.representation.web.ProblemExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Every refusal as RFC 9457 problem details ({@code application/problem+json}). */
@RestControllerAdvice
class IngestExceptionHandler extends ProblemExceptionHandler {

    private final IngestProperties properties;
    private final IngestMetrics metrics;

    IngestExceptionHandler(IngestProperties properties, IngestMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
    }

    @ExceptionHandler(RefusedInputException.class)
    ResponseEntity<ProblemDetail> refused(RefusedInputException e) {
        if (e.violations().isEmpty()) {
            metrics.rejected("unknown", e.type().getPath().substring(e.type().getPath().lastIndexOf('/') + 1));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(e.type());
        problem.setTitle(e.title());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", e.violations().stream().map(v -> render(v, e.numbering())).toList());
        }
        problem.setProperty("accepted", 0);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(EventLogUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(EventLogUnavailableException e) {
        metrics.rejected("unknown", ProblemTypes.EVENT_LOG_UNAVAILABLE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()
                + "; nothing was accepted, retry later with the same eventIds");
        problem.setType(ProblemTypes.uri(ProblemTypes.EVENT_LOG_UNAVAILABLE));
        problem.setTitle("Event log unavailable");
        problem.setProperty("accepted", 0);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())))
                .body(problem);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return (ResponseEntity<Object>) (ResponseEntity<?>) refused(new RefusedInputException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                "Payload too large", "the uploaded file is larger than " + properties.maxBodySize()
                + "; split it into smaller files", List.of(), RefusedInputException.ItemNumbering.NONE));
    }

    private static Map<String, Object> render(Violation violation, RefusedInputException.ItemNumbering numbering) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (violation.item() != null) {
            error.put(numbering == RefusedInputException.ItemNumbering.LINE ? "line" : "index", violation.item());
        }
        if (violation.field() != null) {
            error.put(numbering == RefusedInputException.ItemNumbering.LINE ? "column" : "field", violation.field());
        }
        error.put("code", violation.code().tag());
        error.put("reason", violation.reason());
        return error;
    }
}
