package ca.calgary.representation.streams;

import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * A Kafka Streams application as its input sees it: its consumer group (the application id) and the topics its
 * tasks read from outside (its repartition topics are found among the group's committed offsets).
 */
public record ConsumerGroup(String groupId, Set<String> inputTopics) {

    public ConsumerGroup {
        inputTopics = Set.copyOf(inputTopics);
    }

    /** The group of an application built from {@code topology}; global tables are no part of its group. */
    public static ConsumerGroup of(String applicationId, Topology topology) {
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().filter(topic -> !topic.endsWith("-repartition")).forEach(topics::add);
                }
            }
        }
        return new ConsumerGroup(applicationId, topics);
    }
}
