package ca.calgary.representation.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the container's error page says, as an RFC 9457 problem instead of Spring Boot's default (which answers a
 * direct request for {@code /error} with 500 and {@code "status": 999}). An error forwarded here keeps its status and
 * says no more than its reason phrase (no exception text, no stack); a direct request is simply not found.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : "/error";
        String type = switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case BAD_REQUEST -> "bad-request";
            default -> status.is5xxServerError() ? "internal-error" : "refused";
        };
        String detail = status == HttpStatus.NOT_FOUND ? "nothing is at " + path
                : status.getReasonPhrase() + " (" + request.getMethod() + " " + path + ")";
        return Problems.of(status, type, status.getReasonPhrase(), detail);
    }
}
