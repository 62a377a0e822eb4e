package ca.calgary.representation.alerts.app;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.alerts.core.AlertRules;
import ca.calgary.representation.alerts.core.AlertThresholds;
import ca.calgary.representation.alerts.core.DigestSchedule;
import ca.calgary.representation.alerts.core.QuietLoad;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alert service ({@code representation.alerts.*}).
 *
 * @param gapIndex                  REPRESENTATION_GAP opens below this representation index
 * @param gapResolveIndex           ... and resolves at or above this one
 * @param pValue                    tests reject below this p-value
 * @param minCellSize               k: N and pools must be at least this
 * @param adverseImpactRatio        ADVERSE_IMPACT opens below this ratio
 * @param adverseImpactResolveRatio ... and resolves at or above this one
 * @param declinePoints             DECLINE opens at a fall of this many points against four quarters earlier
 * @param declineResolvePoints      ... and resolves below this fall
 * @param lowResponse               LOW_RESPONSE opens below this response rate
 * @param lowResponseResolve        ... and resolves at or above this one
 * @param goalShortfall             GOAL_OFF_TRACK opens when a goal's projection misses it by more than this many
 *                                  people on its target date
 * @param goalShortfallResolve      ... and resolves when it misses by at most this many
 * @param applicationId             Kafka Streams application id (the dispatcher's consumer group derives from it)
 * @param commitInterval            how often the alert topology commits its transactions (an alert waits for one)
 * @param stateDir                  Kafka Streams state directory
 * @param topicPartitions           partitions of topics this service creates
 * @param topicReplication          replication of topics and internal topics this service creates
 * @param deliveryAttempts          tries of a webhook or e-mail delivery before it is dead-lettered
 * @param deliveryBackoff           wait before the second try; doubled for each further try
 * @param webhookTimeout            how long a webhook receiver may take to answer
 * @param mailFrom                  sender of alert e-mails
 * @param declineSettle             how long DECLINE waits after a cell's quarter-end snapshots change before it
 *                                  compares them (a restatement republishes its quarters one record at a time)
 * @param equityGroups              the groups REPRESENTATION_GAP, ADVERSE_IMPACT and DECLINE apply to (SPEC §8)
 * @param quietLagEvents            HR events unread plus work read but not published, as the representation
 *                                  service's instances report them on metrics.pipeline-status, above which the
 *                                  pipeline is catching up on history and transitions are held for a digest (SPEC §8)
 * @param quietLag                  ... or how long the oldest unprocessed event may have waited
 * @param quietSettle               how long the pipeline must stay caught up before held transitions become one
 *                                  digest per subscription and delivery is immediate again; longer than the 10 s
 *                                  an upstream backlog waits to settle after its input is read (that wait is not
 *                                  lag, so the publications it ends must fall within this one)
 * @param digestTime                the local time DAILY and WEEKLY digests are sent at
 * @param digestZone                the time zone of that time (the equity office's)
 * @param digestDay                 the day WEEKLY digests are sent on
 */
@ConfigurationProperties("representation.alerts")
public record AlertProperties(
        @DefaultValue("0.8") double gapIndex,
        @DefaultValue("0.85") double gapResolveIndex,
        @DefaultValue("0.05") double pValue,
        @DefaultValue("10") int minCellSize,
        @DefaultValue("0.8") double adverseImpactRatio,
        @DefaultValue("0.85") double adverseImpactResolveRatio,
        @DefaultValue("2.0") double declinePoints,
        @DefaultValue("1.5") double declineResolvePoints,
        @DefaultValue("0.6") double lowResponse,
        @DefaultValue("0.65") double lowResponseResolve,
        @DefaultValue("1") long goalShortfall,
        @DefaultValue("0") long goalShortfallResolve,
        @DefaultValue("representation-monitor-alerts") String applicationId,
        @DefaultValue("25ms") Duration commitInterval,
        Path stateDir,
        @DefaultValue("6") int topicPartitions,
        @DefaultValue("1") short topicReplication,
        @DefaultValue("6") int deliveryAttempts,
        @DefaultValue("2s") Duration deliveryBackoff,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("alerts@representation-monitor.local") String mailFrom,
        @DefaultValue("2s") Duration declineSettle,
        @DefaultValue({"INDIGENOUS", "FIRST_NATIONS", "METIS", "INUIT", "BLACK", "EAST_ASIAN", "SOUTH_ASIAN",
                "SOUTHEAST_ASIAN", "LATIN_AMERICAN", "MIDDLE_EASTERN", "ANOTHER_RACE", "RACIALIZED",
                "INDIGENOUS_BLACK_RACIALIZED"}) List<String> equityGroups,
        @DefaultValue("1000") long quietLagEvents,
        @DefaultValue("60s") Duration quietLag,
        @DefaultValue("30s") Duration quietSettle,
        @DefaultValue("08:00") LocalTime digestTime,
        @DefaultValue("America/Edmonton") ZoneId digestZone,
        @DefaultValue("MONDAY") DayOfWeek digestDay) {

    public DigestSchedule digestSchedule() {
        return new DigestSchedule(digestTime, digestZone, digestDay);
    }

    public QuietLoad quietLoad() {
        return new QuietLoad(quietLagEvents, quietLag, quietSettle);
    }

    public AlertRules rules() {
        return new AlertRules(thresholds(), Set.copyOf(equityGroups));
    }

    public AlertThresholds thresholds() {
        return new AlertThresholds(gapIndex, gapResolveIndex, pValue, minCellSize, adverseImpactRatio,
                adverseImpactResolveRatio, declinePoints, declineResolvePoints, lowResponse, lowResponseResolve,
                goalShortfall, goalShortfallResolve);
    }

    public AlertProperties {
        if (deliveryAttempts < 1) {
            throw new IllegalArgumentException("representation.alerts.delivery-attempts must be at least 1");
        }
        // fails at start when a resolving threshold does not lie beyond its opening one (fields are not set yet)
        new AlertThresholds(gapIndex, gapResolveIndex, pValue, minCellSize, adverseImpactRatio,
                adverseImpactResolveRatio, declinePoints, declineResolvePoints, lowResponse, lowResponseResolve,
                goalShortfall, goalShortfallResolve);
    }
}
