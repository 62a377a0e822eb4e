package ca.calgary.representation.streams;

import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * A Kafka Streams application as its input sees it: its consumer group (the application id), the topics its tasks
 * read from outside (input: what the pipeline is behind on), and the topics the pipeline writes itself that its tasks
 * read again (its own repartition topics by their full names, and published tables a downstream application reads):
 * work in progress, not input.
 */
public record ConsumerGroup(String groupId, Set<String> inputTopics, Set<String> derivedTopics) {

    private static final String REPARTITION = "-repartition";

    public ConsumerGroup {
        inputTopics = Set.copyOf(inputTopics);
        derivedTopics = Set.copyOf(derivedTopics);
    }

    /** The same group, reading {@code published} (tables the pipeline publishes) as derived topics, not input. */
    public ConsumerGroup readingPublished(Set<String> published) {
        Set<String> inputs = new TreeSet<>(inputTopics);
        inputs.removeAll(published);
        Set<String> derived = new TreeSet<>(derivedTopics);
        published.stream().filter(inputTopics::contains).forEach(derived::add);
        return new ConsumerGroup(groupId, inputs, derived);
    }

    /** The group of an application built from {@code topology}; global tables are no part of its group. */
    public static ConsumerGroup of(String applicationId, Topology topology) {
        Set<String> inputs = new TreeSet<>();
        Set<String> repartitions = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    for (String topic : source.topicSet()) {
                        if (!topic.endsWith(REPARTITION)) {
                            inputs.add(topic);
                        } else {
                            // the description names internal topics without the application id they carry
                            repartitions.add(topic.startsWith(applicationId + "-") ? topic
                                    : applicationId + "-" + topic);
                        }
                    }
                }
            }
        }
        return new ConsumerGroup(applicationId, inputs, repartitions);
    }

    /** Every topic the group's tasks read. */
    public Set<String> sourceTopics() {
        Set<String> topics = new TreeSet<>(inputTopics);
        topics.addAll(derivedTopics);
        return topics;
    }
}
