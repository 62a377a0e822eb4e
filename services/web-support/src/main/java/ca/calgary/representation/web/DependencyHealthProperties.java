package ca.calgary.representation.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How readiness follows Kafka and the schema registry ({@code representation.dependencies.*}).
 *
 * @param interval how often both are probed: the longest a service stays ready after a dependency went away, or out
 *                 of service after it came back
 * @param timeout  how long a probe waits for an answer
 */
@ConfigurationProperties("representation.dependencies")
public record DependencyHealthProperties(@DefaultValue("5s") Duration interval, @DefaultValue("3s") Duration timeout) {

    public DependencyHealthProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("representation.dependencies.interval must be positive");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("representation.dependencies.timeout must be positive");
        }
    }
}
