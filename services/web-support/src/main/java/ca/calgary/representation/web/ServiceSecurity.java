package ca.calgary.representation.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every HTTP service authenticates: HTTP Basic users from {@link ServiceSecurityProperties} and, when a
 * {@link JwtDecoder} is configured, JWT bearer tokens whose roles claim lists the caller's roles. Stateless, no
 * CSRF (no browser sessions), and 401/403 as problem details. A service imports this and declares only which role
 * may reach which path.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@Import(ProblemErrorController.class)
public class ServiceSecurity {

    /** The base of every problem type URI of the pipeline. */
    public static final String PROBLEM_TYPES = "https://representation-monitor.calgary.ca/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The configured users, as a lookup only. Spring Security re-encodes the password of a user whose store can be
     * updated once it signs in, so a {@code {noop}} password became {@code {bcrypt}} after the first request and
     * every later request paid a bcrypt check (about 40 ms of CPU on 2 cores: a client polling {@code /v1/status} ten
     * times a second took a third of the machine) for a password that is plain text in the configuration anyway.
     * Passwords configured as {@code {bcrypt}} are checked as configured.
     */
    @Bean
    UserDetailsService serviceUsers(ServiceSecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.name()).password(user.password())
                        .roles(user.roles().toArray(String[]::new)).build())
                .toList());
        return users::loadUserByUsername;
    }

    /**
     * Tomcat refuses a path with an encoded slash before the application sees it and answers with its own HTML page;
     * passed through, the request meets Spring Security's firewall, whose refusal is a problem like any other.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheApplication() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Everything but the authorization rules, which the service adds to {@code http} before building it. */
    public static HttpSecurity authentication(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                              ServiceSecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problem(response,
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "credentials are required (HTTP Basic or a bearer token)")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", "credentials are required (HTTP Basic or a bearer token)"))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "forbidden", "your role does not allow " + request.getMethod() + " "
                                        + request.getRequestURI())));
        if (jwtDecoder.getIfAvailable() != null) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(jwt -> {
                Collection<GrantedAuthority> authorities = new ArrayList<>();
                List<String> roles = jwt.getClaimAsStringList(properties.rolesClaim());
                if (roles != null) {
                    roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
                return authorities;
            });
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)));
        }
        return http;
    }

    /** An OpenAPI description that declares the Basic and bearer schemes. */
    public static OpenAPI openApi(Info info) {
        return new OpenAPI()
                .info(info)
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PROBLEM_TYPES + type));
        problem.setTitle(status == HttpStatus.UNAUTHORIZED ? "Unauthenticated" : "Forbidden");
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"representation-monitor\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
