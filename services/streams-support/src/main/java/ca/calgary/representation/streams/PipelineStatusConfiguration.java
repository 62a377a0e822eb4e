package ca.calgary.representation.streams;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The freshness of a Streams service's answers: import it beside a {@link FreshnessHeaders} bean (which names the
 * paths and their tables, over the service's {@link PipelineStatus} bean); serves {@code /v1/status}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineStatusProperties.class)
@Import(StatusController.class)
public class PipelineStatusConfiguration {

    @Bean
    WebMvcConfigurer freshnessHeadersOnAnswers(FreshnessHeaders headers) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(headers).addPathPatterns(headers.pathPrefixes().stream()
                        .flatMap(prefix -> java.util.stream.Stream.of(prefix, prefix + "/**")).toList());
            }
        };
    }
}
