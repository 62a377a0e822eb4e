package ca.calgary.representation.alerts.app;

import java.time.Clock;
import java.util.List;

import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.delivery.AlertDispatcher;
import ca.calgary.representation.alerts.delivery.EmailChannel;
import ca.calgary.representation.alerts.delivery.WebhookChannel;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.streams.FreshnessHeaders;
import ca.calgary.representation.streams.PipelineStatus;
import ca.calgary.representation.streams.PipelineStatusConfiguration;
import ca.calgary.representation.streams.PipelineStatusProperties;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import ca.calgary.representation.web.Roles;
import ca.calgary.representation.web.DependencyHealthConfiguration;
import ca.calgary.representation.web.ServiceSecurity;
import ca.calgary.representation.web.ServiceSecurityProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The alert service's beans. Access by role (SPEC §9): EQUITY_OFFICER reads alerts, acknowledges and comments, and
 * manages subscriptions; ADMINISTRATOR reads the actuator; nothing but health answers without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
@Import({ServiceSecurity.class, DependencyHealthConfiguration.class, PipelineStatusConfiguration.class})
public class AlertConfiguration {

    /** The topology; its health is the {@code alerts} component of readiness. */
    @Bean(name = "alerts")
    StreamsLifecycle<AlertStreams> alertStreams(AlertProperties properties, KafkaProperties kafka) {
        return new StreamsLifecycle<>("alert topology",
                () -> AlertStreams.start(AlertStreams.Settings.of(properties, kafka)));
    }

    @Bean(destroyMethod = "close")
    AlertLog alertLog(KafkaProperties kafka) {
        return new AlertLog(kafka);
    }

    @Bean
    TopicFeed<AlertTransition> transitionsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, AlertTopic.TRANSITIONS.topicName(), AlertTransition.class);
    }

    @Bean
    TopicFeed<Finding> findingsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, AlertTopic.FINDINGS.topicName(), Finding.class);
    }

    /**
     * How fresh the alerts are: the alert application's lag behind the metrics, and when alerts and findings last
     * changed.
     */
    @Bean
    PipelineStatus pipelineStatus(StreamsLifecycle<AlertStreams> streams, KafkaProperties kafka,
                                  PipelineStatusProperties properties, TopicFeed<AlertTransition> transitions,
                                  TopicFeed<Finding> findings) {
        return new PipelineStatus(streams, kafka.buildAdminProperties(), properties, Clock.systemUTC())
                .table("alerts", transitions).table("findings", findings);
    }

    @Bean
    FreshnessHeaders freshnessHeaders(PipelineStatus status) {
        return new FreshnessHeaders(status).path("/v1/alerts", "alerts", "findings");
    }

    @Bean
    AlertDispatcher alertDispatcher(KafkaProperties kafka, AlertProperties properties,
                                    StreamsLifecycle<AlertStreams> streams, AlertLog alertLog,
                                    JavaMailSender mail, MeterRegistry meters, PipelineStatus pipelineStatus) {
        return new AlertDispatcher(kafka, properties.applicationId() + "-dispatcher", streams, alertLog,
                List.of(new WebhookChannel(properties.webhookTimeout()), new EmailChannel(mail, properties.mailFrom())),
                properties.deliveryAttempts(), properties.deliveryBackoff(), meters, pipelineStatus,
                properties.quietLoad(), properties.digestSchedule());
    }

    @Bean
    SecurityFilterChain alertSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                      ServiceSecurityProperties properties) throws Exception {
        return ServiceSecurity.authentication(http, jwtDecoder, properties)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v1/alerts", "/v1/alerts/**", "/v1/subscriptions", "/v1/subscriptions/**",
                                "/v1/deliveries", "/v1/deliveries/**").hasRole(Roles.EQUITY_OFFICER)
                        .requestMatchers("/v1/status").hasAnyRole(Roles.EQUITY_OFFICER, Roles.ADMINISTRATOR)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole(Roles.EQUITY_OFFICER, Roles.ADMINISTRATOR)
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMINISTRATOR)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    OpenAPI alertOpenApi() {
        return ServiceSecurity.openApi(new Info().title("Representation Monitor: alerts").version("v1")
                .description("Alerts for equity officers (SPEC §8): representation gaps, adverse impact in "
                        + "promotions, declines and low response, with subscriptions delivered by webhook, e-mail "
                        + "and a live stream; acknowledgements and comments. Aggregates only (SPEC §9)."));
    }
}
