package ca.calgary.representation.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How the simulator addresses a service: a path under its base address, with HTTP Basic credentials. */
final class ServiceAddress {

    private ServiceAddress() {
    }

    /** {@code path} under {@code base}, which may carry a path prefix of its own (a reverse proxy's). */
    static URI resolve(URI base, String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
