package ca.calgary.representation.metrics.app;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import ca.calgary.representation.metrics.web.FiguresFeed;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
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
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The representation service's beans. Access by role (SPEC §9): LEADERSHIP reads metrics; ADMINISTRATOR manages
 * benchmarks and reads the actuator; nothing but health answers without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RepresentationProperties.class, MetricsSecurityProperties.class})
public class RepresentationConfiguration {

    public static final String LEADERSHIP = "LEADERSHIP";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    private static final Logger log = LoggerFactory.getLogger(RepresentationConfiguration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(name = "representation")
    StreamsLifecycle streamsLifecycle(RepresentationProperties properties, KafkaProperties kafka, Clock clock) {
        return new StreamsLifecycle(properties, kafka, clock);
    }

    @Bean
    FiguresFeed figuresFeed(KafkaProperties kafka) {
        return new FiguresFeed(kafka);
    }

    @Bean
    BenchmarkAdministration benchmarkAdministration(KafkaProperties kafka) {
        return new BenchmarkAdministration(kafka);
    }

    /** Seeds the benchmarks CSV once the application runs (keys already on the topic are left alone). */
    @EventListener(ApplicationReadyEvent.class)
    void seedBenchmarks(ApplicationReadyEvent ready) {
        RepresentationProperties properties = ready.getApplicationContext().getBean(RepresentationProperties.class);
        if (properties.benchmarksFile() == null) {
            return;
        }
        BenchmarkAdministration administration = ready.getApplicationContext().getBean(BenchmarkAdministration.class);
        Thread seeder = new Thread(() -> {
            var benchmarks = BenchmarkAdministration.readCsv(properties.benchmarksFile());
            while (true) {
                try {
                    int written = administration.seed(benchmarks);
                    log.info("benchmarks seeded from {}: {} new of {}", properties.benchmarksFile(), written,
                            benchmarks.size());
                    return;
                } catch (RuntimeException e) {
                    log.warn("cannot seed benchmarks yet ({}); retrying", e.getMessage());
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, "benchmark-seeder");
        seeder.setDaemon(true);
        seeder.start();
    }

    @Bean
    SecurityFilterChain metricsSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                        MetricsSecurityProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v1/representation", "/v1/representation/**").hasRole(LEADERSHIP)
                        .requestMatchers("/v1/benchmarks", "/v1/benchmarks/**").hasRole(ADMINISTRATOR)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole(LEADERSHIP, ADMINISTRATOR)
                        .requestMatchers("/actuator/**").hasRole(ADMINISTRATOR)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "credentials are required")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "credentials are required"))
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
        return http.build();
    }

    @Bean
    UserDetailsService metricsUsers(MetricsSecurityProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.name()).password(user.password())
                        .roles(user.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    OpenAPI metricsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Representation Monitor: representation metrics").version("v1")
                        .description("Live representation of Indigenous, Black and racialized staff per scope, tier and "
                                + "group, with benchmarks, gaps and statistics (SPEC §6). Aggregates only; small cells "
                                + "are suppressed (SPEC §9)."))
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
        problem.setType(java.net.URI.create("https://representation-monitor.calgary.ca/problems/" + type));
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"representation-monitor\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
