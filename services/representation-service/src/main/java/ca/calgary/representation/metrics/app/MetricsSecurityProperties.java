package ca.calgary.representation.metrics.app;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service ({@code representation.security.*}): HTTP Basic users (passwords in
 * {@code {bcrypt}...} form) and, when {@code spring.security.oauth2.resourceserver.jwt.*} is set, JWT bearer tokens
 * whose {@code roles-claim} lists the caller's roles.
 */
@ConfigurationProperties("representation.security")
public record MetricsSecurityProperties(@DefaultValue List<User> users, @DefaultValue("roles") String rolesClaim) {

    /** An HTTP Basic user; roles without the ROLE_ prefix. */
    public record User(String name, String password, List<String> roles) {
    }
}
