package ca.calgary.representation.alerts.web;

/** No alert or subscription with that id. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
