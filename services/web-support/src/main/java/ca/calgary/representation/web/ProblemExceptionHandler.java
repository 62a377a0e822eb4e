package ca.calgary.representation.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * The refusals Spring MVC makes before a controller runs, as RFC 9457 problems that name the field at fault like
 * every other refusal: an unreadable body names where reading stopped ({@code share}, {@code tiers[2]}), a missing
 * or mistyped query parameter names the parameter. Each service's advice extends this.
 */
public abstract class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        JacksonException json = cause(e, JacksonException.class);
        if (json == null) {
            return refusal(Problems.invalid(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", "body",
                    "the body is missing or not JSON"));
        }
        String field = field(json);
        String reason = (field.equals("body") ? "the body is not valid JSON: " : field + " is not valid here: ")
                + firstLine(json.getOriginalMessage());
        return refusal(Problems.invalid(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body", field, reason));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return refusal(Problems.invalid(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query parameter",
                e.getParameterName(), "the query parameter " + e.getParameterName() + " is required"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return refusal(Problems.invalid(HttpStatus.BAD_REQUEST, "invalid-query", "Invalid query parameter", name,
                name + " must be " + expected + ", got '" + e.getValue() + "'"));
    }

    /**
     * Where in the body reading stopped: the path of fields and indexes Jackson had reached, else the name the
     * parser was at (a malformed value such as {@code NaN} fails before any field is bound), else the body (which
     * is also the answer for a body cut short).
     */
    static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.isEmpty() && !endsEarly(e) && e.processor() instanceof JsonParser parser) {
            String name = parser.streamReadContext() == null ? null : parser.streamReadContext().currentName();
            if (name != null) {
                path.append(name);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A body cut short: the parser still holds the last name it read, which is not where the fault is. */
    private static boolean endsEarly(JacksonException e) {
        return e instanceof UnexpectedEndOfInputException
                || (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input"));
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> refusal(ResponseEntity<?> problem) {
        return (ResponseEntity<Object>) problem;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
