package ca.calgary.representation.metrics.topology;

import java.util.Map;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeEvents;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The four HR input topics of one application, decoded and checked the one way ({@link InputEventDecoder}): what
 * applies, as employee events partitioned by employee, and what cannot, as dead letters. The live and the flow
 * application each read the inputs through this, so both accept exactly the same events.
 */
final class HrInputs {

    /**
     * The repartition topic that brings an employee's events to their task when the HR side published them on
     * another partition (another partitioner); events already on their employee's partition skip it.
     */
    static final String EMPLOYEE_EVENTS = "employee-events";

    private final KStream<String, DecodedInput<EmploymentEvent>> employment;
    private final KStream<String, DecodedInput<SelfIdentificationEvent>> selfIdentification;
    private final KStream<String, DecodedInput<PromotionEvent>> promotion;
    private final KStream<String, DecodedInput<MentorshipEvent>> mentorship;
    private final KStream<String, PromotionEvent> promotionEvents;
    private final KStream<String, MentorshipEvent> mentorshipEvents;
    private final int employeePartitions;

    /** @param employeePartitions the partitions of {@link #EMPLOYEE_EVENTS}: the service's topic partitions */
    HrInputs(StreamsBuilder builder, RepresentationTopics topics, int maxOrgUnits, int employeePartitions) {
        this.employeePartitions = employeePartitions;
        employment = decode(builder, topics.employmentTopic(), topics.employment(), "employment", maxOrgUnits);
        selfIdentification = decode(builder, topics.selfIdentificationTopic(), topics.selfIdentification(),
                "self-identification", maxOrgUnits);
        promotion = decode(builder, topics.promotionTopic(), topics.promotion(), "promotion", maxOrgUnits);
        mentorship = decode(builder, topics.mentorshipTopic(), topics.mentorship(), "mentorship", maxOrgUnits);
        promotionEvents = accepted(promotion, "promotion");
        mentorshipEvents = accepted(mentorship, "mentorship");
    }

    /** The accepted mentorship and working-group events as published (working groups' names come from them). */
    KStream<String, MentorshipEvent> mentorshipEvents() {
        return mentorshipEvents;
    }

    /** The accepted promotion events as published (competition openings come from them). */
    KStream<String, PromotionEvent> promotionEvents() {
        return promotionEvents;
    }

    /**
     * Every accepted event as the employee events it stands for, on the partition of its employee: where it was read
     * when it was published there, else through {@link #EMPLOYEE_EVENTS} ({@link EmployeePartitionCheck}).
     */
    KStream<String, EmployeeEvent> employeeEvents() {
        Map<String, KStream<String, EmployeePartitionCheck.Routed>> routed = accepted(employment, "employment")
                .mapValues(EmployeeEvents::from, Named.as("employment-to-employee-event"))
                .merge(accepted(selfIdentification, "self-identification")
                                .mapValues(EmployeeEvents::from, Named.as("self-identification-to-employee-event")),
                        Named.as("merge-self-identification"))
                .merge(promotionEvents.flatMapValues(event -> EmployeeEvents.from(event).stream().toList(),
                        Named.as("promotion-to-employee-event")), Named.as("merge-promotion"))
                .merge(mentorshipEvents.mapValues(EmployeeEvents::from, Named.as("mentorship-to-employee-event")),
                        Named.as("merge-mentorship"))
                .processValues(() -> new EmployeePartitionCheck(employeePartitions),
                        Named.as("employee-partition-check"))
                .split(Named.as("employee-events-"))
                .branch((key, event) -> event.onEmployeePartition(), Branched.as("in-place"))
                .defaultBranch(Branched.as("elsewhere"));
        KStream<String, EmployeeEvent> moved = routed.get("employee-events-elsewhere")
                .mapValues(EmployeePartitionCheck.Routed::event, Named.as("employee-event-to-move"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.employeeEvent())
                        .withName(EMPLOYEE_EVENTS).withNumberOfPartitions(employeePartitions));
        return routed.get("employee-events-in-place")
                .mapValues(EmployeePartitionCheck.Routed::event, Named.as("employee-event-in-place"))
                .merge(moved, Named.as("merge-moved-employee-events"));
    }

    /** The records of every input that cannot apply, each with its reason. */
    KStream<String, DeadLetter> deadLetters() {
        return rejected(employment, "employment")
                .merge(rejected(selfIdentification, "self-identification"),
                        Named.as("merge-self-identification-dead-letters"))
                .merge(rejected(promotion, "promotion"), Named.as("merge-promotion-dead-letters"))
                .merge(rejected(mentorship, "mentorship"), Named.as("merge-mentorship-dead-letters"));
    }

    private static <V extends SpecificRecord> KStream<String, DecodedInput<V>> decode(
            StreamsBuilder builder, String topic, Serde<V> serde, String name, int maxOrgUnits) {
        return builder.stream(topic, Consumed.with(RepresentationTopics.KEY, Serdes.ByteArray())
                        .withName(name + "-events-source"))
                .processValues(() -> new InputEventDecoder<>(serde.deserializer(), maxOrgUnits),
                        Named.as(name + "-decoder"));
    }

    private static <V> KStream<String, V> accepted(KStream<String, DecodedInput<V>> input, String name) {
        return input.flatMapValues(DecodedInput::events, Named.as(name + "-accepted"));
    }

    private static <V> KStream<String, DeadLetter> rejected(KStream<String, DecodedInput<V>> input, String name) {
        return input.flatMapValues(DecodedInput::deadLetters, Named.as(name + "-dead-letters"));
    }
}
