package ca.calgary.representation.metrics.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.ReferenceGroup;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the representation service ({@code representation.metrics.*}).
 *
 * @param minCellSize              k of SPEC §9: counts below it are suppressed
 * @param publicSafetyServiceLines the service lines of the PUBLIC_SAFETY scope
 * @param zone                     the time zone whose date is "today"
 * @param publishInterval          how often changed live figures are published (coalescing)
 * @param commitInterval           how often the live application commits its transactions (each of a live
 *                                 update's hops waits for one)
 * @param dayCheckInterval         how often future-dated events are checked for having come due
 * @param applicationId            Kafka Streams application id of the live figures; the flow metrics run as
 *                                 {@code applicationId + "-flows"}
 * @param stateDir                 Kafka Streams state directory (default: the Streams default)
 * @param topicPartitions          partitions of topics this service creates, and of its period and quarter
 *                                 aggregations
 * @param topicReplication         replication of topics and internal topics this service creates
 * @param benchmarksFile           CSV of benchmarks seeded at start ({@code scope,group,share,source,year}); keys
 *                                 already on the benchmark topic are left as they are (runtime changes win)
 * @param goalsFile                CSV of goals seeded at start ({@code scope,tier,group,targetShare,targetDate,source};
 *                                 an empty share follows the benchmark, an empty date is 2027-12-31); keys already
 *                                 on the goals topic are left as they are
 * @param firstQuarter             the first quarter of the flow metrics (rolling periods ending in it reach a year
 *                                 back)
 * @param referenceGroup           what adverse-impact ratios compare with: a group, or HIGHEST_RATE
 * @param flowPublishInterval      how often changed flow figures, snapshots and funnels are published
 * @param flowEmployeesPerPass     how many employees' flows one pass re-evaluates at most (a transaction holds a
 *                                 few passes)
 * @param maxOrgUnits              how many units an orgUnitPath may name (SPEC §5); events with deeper paths that
 *                                 arrive straight through Kafka are dead-lettered
 * @param releaseThreshold         SPEC §9 release rule: how many employees must have changed in a (scope, tier)
 *                                 before its group figures are published again (default: {@code minCellSize})
 */
@ConfigurationProperties("representation.metrics")
public record RepresentationProperties(
        @DefaultValue("10") int minCellSize,
        @DefaultValue({"POLICE", "FIRE", "PEACE_OFFICERS", "EMERGENCY_COMMUNICATIONS", "EMERGENCY_MANAGEMENT"})
        List<String> publicSafetyServiceLines,
        @DefaultValue("America/Edmonton") ZoneId zone,
        @DefaultValue("100ms") Duration publishInterval,
        @DefaultValue("25ms") Duration commitInterval,
        @DefaultValue("1m") Duration dayCheckInterval,
        @DefaultValue("representation-monitor-representation") String applicationId,
        Path stateDir,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1") short topicReplication,
        Path benchmarksFile,
        Path goalsFile,
        @DefaultValue("2023-Q1") String firstQuarter,
        @DefaultValue("WHITE_ONLY") String referenceGroup,
        @DefaultValue("5s") Duration flowPublishInterval,
        @DefaultValue("2000") int flowEmployeesPerPass,
        @DefaultValue("12") int maxOrgUnits,
        Integer releaseThreshold) {

    public RepresentationProperties {
        // fail at start, naming the setting, rather than when the topology first needs them
        Quarter.parse(firstQuarter);
        ReferenceGroup.parse(referenceGroup);
    }

    public RepresentationConfig representationConfig() {
        return new RepresentationConfig(minCellSize, Set.copyOf(publicSafetyServiceLines), zone, maxOrgUnits,
                releaseThreshold == null ? minCellSize : releaseThreshold);
    }

    public FlowConfig flowConfig() {
        return new FlowConfig(Quarter.parse(firstQuarter), ReferenceGroup.parse(referenceGroup), flowPublishInterval,
                topicPartitions, flowEmployeesPerPass);
    }
}
