package ca.calgary.representation.streams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a service measures how fresh its figures are ({@code representation.status.*}).
 *
 * @param interval  how often the consumer groups' lag is sampled (answers carry the latest sample)
 * @param heartbeat how often live streams get a status event even when nothing changed
 */
@ConfigurationProperties("representation.status")
public record PipelineStatusProperties(@DefaultValue("1s") Duration interval, @DefaultValue("15s") Duration heartbeat) {

    public PipelineStatusProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("representation.status.interval must be positive");
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("representation.status.heartbeat must be positive");
        }
    }
}
