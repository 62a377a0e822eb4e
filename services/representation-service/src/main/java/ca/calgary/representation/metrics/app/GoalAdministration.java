package ca.calgary.representation.metrics.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.GoalSetting;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Goals are reference data on the compacted topic {@code reference.goals} (key {@code scope|tier|group}), like
 * benchmarks: seeded from a CSV at start for keys not yet on the topic, and changed at run time by administrators.
 * The goal topology recomputes a goal's figures when it changes.
 */
public class GoalAdministration {

    /**
     * The CSV header, in this order; an empty {@code targetShare} follows the benchmark, an empty {@code targetDate}
     * is {@link Goal#DEFAULT_TARGET_DATE}.
     */
    public static final List<String> CSV_COLUMNS = List.of("scope", "tier", "group", "targetShare", "targetDate",
            "source");

    private final ReferenceData<GoalSetting> topic;

    public GoalAdministration(KafkaProperties kafka) {
        this.topic = new ReferenceData<>(kafka, MetricsTopic.GOAL_SETTINGS.topicName(), "goals", GoalSetting.class);
    }

    /** Reads a goals CSV with the {@link #CSV_COLUMNS} header; throws naming the line of any bad row. */
    public static List<Goal> readCsv(Path file) {
        return ReferenceData.readCsv(file, CSV_COLUMNS, c -> new Goal(new Scope(c.get(0)), Tier.valueOf(c.get(1)),
                Group.valueOf(c.get(2)), c.get(3).isEmpty() ? null : new BigDecimal(c.get(3)),
                c.get(4).isEmpty() ? Goal.DEFAULT_TARGET_DATE : LocalDate.parse(c.get(4)), c.get(5)));
    }

    /** Publishes the file's goals whose key is not on the topic yet. */
    public int seed(List<Goal> goals) {
        Map<String, GoalSetting> values = new LinkedHashMap<>();
        goals.forEach(goal -> values.put(goal.key(), record(goal)));
        return topic.seed(values);
    }

    public void put(Goal goal) {
        topic.send(goal.key(), record(goal));
    }

    public void remove(String key) {
        topic.send(key, null);
    }

    /** The goals now in force, by key. */
    public Map<String, GoalSetting> current() {
        return topic.current();
    }

    private static GoalSetting record(Goal goal) {
        return new GoalSetting(goal.scope().id(), goal.tier().name(), goal.group().name(),
                goal.targetShare() == null ? null : goal.targetShare().doubleValue(), goal.targetDate(),
                goal.source());
    }
}
