package ca.calgary.representation.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call a service ({@code representation.security.*}). Locally: HTTP Basic users with
 * DelegatingPasswordEncoder-style passwords ({@code {bcrypt}...}). In production: a JWT resource server
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), with roles taken from the {@code roles-claim}.
 * Both may be on at once.
 *
 * @param users      HTTP Basic users
 * @param rolesClaim the JWT claim listing the caller's roles (e.g. HR_PUBLISHER)
 */
@ConfigurationProperties("representation.security")
public record ServiceSecurityProperties(@DefaultValue List<User> users, @DefaultValue("roles") String rolesClaim) {

    /** An HTTP Basic user: {@code password} in {@code {id}encoded} form, {@code roles} without the ROLE_ prefix. */
    public record User(String name, String password, List<String> roles) {
    }
}
