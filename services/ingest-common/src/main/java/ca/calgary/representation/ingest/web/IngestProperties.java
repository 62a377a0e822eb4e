package ca.calgary.representation.ingest.web;

import java.time.Duration;
import java.util.Objects;

import ca.calgary.representation.ingest.core.IngestService;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of an ingest service ({@code representation.ingest.*}).
 *
 * @param service            which service this is: HIRING, PROMOTION or MENTORSHIP (decides the event types)
 * @param maxBatchEvents     most events in one batch or file
 * @param maxBodySize        largest request body (JSON, NDJSON, CSV or uploaded file)
 * @param retryAfter         what Retry-After says when Kafka or the registry is unavailable
 * @param topicPartitions    partitions of a topic this service creates (existing topics are left alone)
 * @param topicReplication   replication factor of a topic this service creates
 * @param idempotencyWindow  how long accepted eventIds and Idempotency-Keys are remembered at the edge (the
 *                           pipeline itself ignores a repeated eventId for good)
 * @param instanceId         names this instance's Kafka transactions; stable across restarts and unique among
 *                           running instances (a StatefulSet pod name), so a restarted instance fences the
 *                           transaction a crashed one left open at once instead of leaving readers waiting for the
 *                           transaction timeout. Unset: the host and server port when the port is fixed, otherwise a
 *                           random id (then a crash holds readers up to the transaction timeout)
 * @param maxOrgUnits        how many units an orgUnitPath may name (SPEC §5: each is a published scope); deeper
 *                           paths are refused (422)
 */
@ConfigurationProperties("representation.ingest")
public record IngestProperties(
        IngestService service,
        @DefaultValue("10000") int maxBatchEvents,
        @DefaultValue("16MB") DataSize maxBodySize,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1") short topicReplication,
        @DefaultValue("365d") Duration idempotencyWindow,
        @DefaultValue("12") int maxOrgUnits,
        String instanceId) {

    public IngestProperties {
        Objects.requireNonNull(service, "representation.ingest.service is required (HIRING, PROMOTION or MENTORSHIP)");
        if (maxBatchEvents < 1) {
            throw new IllegalArgumentException("representation.ingest.max-batch-events must be at least 1");
        }
        if (maxOrgUnits < 1) {
            throw new IllegalArgumentException("representation.ingest.max-org-units must be at least 1");
        }
    }

    /** The service's name in messages, metrics and transactional ids. */
    public String serviceName() {
        return service.name().toLowerCase();
    }
}
