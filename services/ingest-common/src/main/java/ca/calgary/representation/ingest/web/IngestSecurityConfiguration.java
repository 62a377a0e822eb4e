package ca.calgary.representation.ingest.web;

import ca.calgary.representation.web.Roles;
import ca.calgary.representation.web.ServiceSecurity;
import ca.calgary.representation.web.ServiceSecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Nothing but health answers without credentials. Events need HR_PUBLISHER; the API description too (or
 * ADMINISTRATOR); the other actuator endpoints (Prometheus, info) need ADMINISTRATOR.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceSecurity.class)
class IngestSecurityConfiguration {

    @Bean
    SecurityFilterChain ingestSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                       ServiceSecurityProperties properties) throws Exception {
        return ServiceSecurity.authentication(http, jwtDecoder, properties)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v1/**").hasRole(Roles.HR_PUBLISHER)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole(Roles.HR_PUBLISHER, Roles.ADMINISTRATOR)
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMINISTRATOR)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .build();
    }
}
