package ca.calgary.representation.metrics.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.IntSupplier;

import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
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
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The representation service's beans. Access by role (SPEC §9): LEADERSHIP reads metrics; ADMINISTRATOR manages
 * benchmarks and reads the actuator; nothing but health answers without credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepresentationProperties.class)
@Import({ServiceSecurity.class, DependencyHealthConfiguration.class, PipelineStatusConfiguration.class})
public class RepresentationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RepresentationConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The topology; its health is the {@code representation} component of readiness. */
    @Bean(name = "representation")
    StreamsLifecycle<RepresentationStreams> streamsLifecycle(RepresentationProperties properties,
                                                             KafkaProperties kafka, Clock clock) {
        return new StreamsLifecycle<>("representation topology",
                () -> RepresentationStreams.start(RepresentationStreams.Settings.of(properties, kafka), clock));
    }

    @Bean
    TopicFeed<RepresentationFigures> figuresFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, MetricsTopic.REPRESENTATION.topicName(), RepresentationFigures.class);
    }

    @Bean
    TopicFeed<FlowFigures> flowsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, MetricsTopic.FLOWS.topicName(), FlowFigures.class);
    }

    @Bean
    TopicFeed<RepresentationSnapshot> snapshotsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, MetricsTopic.REPRESENTATION_SNAPSHOTS.topicName(), RepresentationSnapshot.class);
    }

    @Bean
    TopicFeed<CompetitionFigures> competitionsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, MetricsTopic.COMPETITIONS.topicName(), CompetitionFigures.class);
    }

    @Bean
    TopicFeed<GoalFigures> goalsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, MetricsTopic.GOALS.topicName(), GoalFigures.class);
    }

    @Bean
    TopicFeed<Finding> findingsFeed(KafkaProperties kafka) {
        return new TopicFeed<>(kafka, AlertTopic.FINDINGS.topicName(), Finding.class);
    }

    /**
     * How fresh the figures are: both applications' lag behind the HR events, the work read but not published yet,
     * and when each published table last changed.
     */
    @Bean
    PipelineStatus pipelineStatus(StreamsLifecycle<RepresentationStreams> streams, KafkaProperties kafka,
                                  PipelineStatusProperties properties,
                                  TopicFeed<RepresentationFigures> figures, TopicFeed<FlowFigures> flows,
                                  TopicFeed<RepresentationSnapshot> snapshots,
                                  TopicFeed<CompetitionFigures> competitions, TopicFeed<GoalFigures> goals,
                                  TopicFeed<Finding> findings,
                                  PipelineStatusReporter reporter) {
        // the wall clock: the service's clock says which day the figures are for, and tests set it
        return new PipelineStatus(streams, kafka.buildAdminProperties(), properties, Clock.systemUTC())
                .table("representation", figures).table("flows", flows).table("snapshots", snapshots)
                .table("competitions", competitions).table("goals", goals).table("findings", findings)
                .reportTo(reporter);
    }

    /** This instance's status on metrics.pipeline-status, for the services downstream. */
    @Bean
    PipelineStatusReporter pipelineStatusReporter(KafkaProperties kafka) {
        return new PipelineStatusReporter(kafka);
    }

    @Bean
    FreshnessHeaders freshnessHeaders(PipelineStatus status) {
        return new FreshnessHeaders(status)
                .path("/v1/representation", "representation")
                .path("/v1/flows", "flows")
                .path("/v1/snapshots", "snapshots")
                .path("/v1/competitions", "competitions")
                .path("/v1/goal-figures", "goals")
                .path("/v1/working-groups", "representation")
                .path("/v1/dashboard", "representation", "flows", "snapshots", "competitions", "findings");
    }

    @Bean
    BenchmarkAdministration benchmarkAdministration(KafkaProperties kafka) {
        return new BenchmarkAdministration(kafka);
    }

    @Bean
    GoalAdministration goalAdministration(KafkaProperties kafka) {
        return new GoalAdministration(kafka);
    }

    /** Seeds the benchmarks and goals CSVs once the application runs (keys already on their topics are left alone). */
    @EventListener(ApplicationReadyEvent.class)
    void seedReferenceData(ApplicationReadyEvent ready) {
        RepresentationProperties properties = ready.getApplicationContext().getBean(RepresentationProperties.class);
        if (properties.benchmarksFile() != null) {
            var benchmarks = BenchmarkAdministration.readCsv(properties.benchmarksFile());
            BenchmarkAdministration administration = ready.getApplicationContext()
                    .getBean(BenchmarkAdministration.class);
            seedInBackground("benchmarks", properties.benchmarksFile(), benchmarks.size(),
                    () -> administration.seed(benchmarks));
        }
        if (properties.goalsFile() != null) {
            var goals = GoalAdministration.readCsv(properties.goalsFile());
            GoalAdministration administration = ready.getApplicationContext().getBean(GoalAdministration.class);
            seedInBackground("goals", properties.goalsFile(), goals.size(), () -> administration.seed(goals));
        }
    }

    /** Seeds reference data from a file, retrying every 5 s while Kafka cannot take it. */
    private static void seedInBackground(String what, Path file, int size,
                                         IntSupplier seed) {
        Thread seeder = new Thread(() -> {
            while (true) {
                try {
                    int written = seed.getAsInt();
                    log.info("{} seeded from {}: {} new of {}", what, file, written, size);
                    return;
                } catch (RuntimeException e) {
                    log.warn("cannot seed {} yet ({}); retrying", what, e.getMessage());
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }, what + "-seeder");
        seeder.setDaemon(true);
        seeder.start();
    }

    @Bean
    DataQualityMeters dataQualityMeters(StreamsLifecycle<RepresentationStreams> streams) {
        return new DataQualityMeters(streams);
    }

    @Bean
    SecurityFilterChain metricsSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                        ServiceSecurityProperties properties) throws Exception {
        return ServiceSecurity.authentication(http, jwtDecoder, properties)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v1/representation", "/v1/representation/**", "/v1/flows", "/v1/flows/**",
                                "/v1/snapshots", "/v1/snapshots/**", "/v1/competitions", "/v1/competitions/**",
                                "/v1/goal-figures", "/v1/goal-figures/**", "/v1/working-groups",
                                "/v1/dashboard/**", "/", "/dashboard", "/dashboard/**", "/webjars/**")
                        .hasRole(Roles.LEADERSHIP)
                        .requestMatchers("/v1/benchmarks", "/v1/benchmarks/**", "/v1/goals", "/v1/goals/**")
                        .hasRole(Roles.ADMINISTRATOR)
                        .requestMatchers("/v1/status").hasAnyRole(Roles.LEADERSHIP, Roles.ADMINISTRATOR)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .hasAnyRole(Roles.LEADERSHIP, Roles.ADMINISTRATOR)
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMINISTRATOR)
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    OpenAPI metricsOpenApi() {
        return ServiceSecurity.openApi(new Info().title("Representation Monitor: representation metrics").version("v1")
                .description("Live representation of Indigenous, Black and racialized staff per scope, tier and "
                        + "group, with benchmarks, gaps and statistics (SPEC §6); hiring, promotion, separation and "
                        + "mentorship flows per quarter and rolling 12 months, quarter-end snapshots and promotion "
                        + "competition funnels (SPEC §7). Aggregates only; small cells are suppressed (SPEC §9)."));
    }
}
