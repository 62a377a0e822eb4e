package ca.calgary.representation.ingest.web;

import java.net.URI;
import java.util.List;

import ca.calgary.representation.ingest.core.Violation;
import org.springframework.http.HttpStatus;

/**
 * The request is refused as a whole; nothing of it was published. Rendered as RFC 9457 problem details with the
 * violations listed under {@code errors}.
 */
public class RefusedInputException extends RuntimeException {

    /** How the items of the request are numbered in the problem: batch index, CSV line, or none (single event). */
    public enum ItemNumbering { NONE, INDEX, LINE }

    private final HttpStatus status;
    private final String problemType;
    private final String title;
    private final List<Violation> violations;
    private final ItemNumbering numbering;

    public RefusedInputException(HttpStatus status, String problemType, String title, String detail,
                                 List<Violation> violations, ItemNumbering numbering) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.numbering = numbering;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return ProblemTypes.uri(problemType);
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public ItemNumbering numbering() {
        return numbering;
    }
}
