package ca.calgary.representation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * A global view holds the topic's latest value per key (kept as published, decoded when read) and says how far it has
 * applied the topic.
 */
class GlobalViewTest {

    private static final String TOPIC = "metrics.example";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void theViewHoldsEachKeysLatestValueAndCoversOnlyTheRecordsItApplied() {
        StreamsBuilder builder = new StreamsBuilder();
        GlobalView<String> globalView = GlobalView.of(builder, TOPIC, Serdes.String(), "example-view");
        ViewProgress progress = globalView.progress();
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "global-view-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties)) {
            TestInputTopic<String, String> topic = driver.createInputTopic(TOPIC, new StringSerializer(),
                    new StringSerializer());
            assertThat(progress.topic()).isEqualTo(TOPIC);
            assertThat(progress.covers(Map.of(PARTITION, 0L))).isFalse();
            assertThat(progress.covers(Map.of())).isTrue();

            topic.pipeInput("a", "1");
            topic.pipeInput("b", "2");
            topic.pipeInput("a", "3");
            topic.pipeInput("b", (String) null);

            ReadOnlyKeyValueStore<String, String> view = globalView.decoding(driver.getKeyValueStore("example-view"));
            assertThat(view.get("a")).isEqualTo("3");
            assertThat(view.get("b")).isNull();
            try (KeyValueIterator<String, String> all = view.all()) {
                assertThat(all.next()).isEqualTo(KeyValue.pair("a", "3"));
                assertThat(all.hasNext()).isFalse();
            }
            assertThat(progress.covers(Map.of(PARTITION, 3L))).isTrue();
            assertThat(progress.covers(Map.of(PARTITION, 4L))).isFalse();
            // another topic's offsets say nothing about this view
            assertThat(progress.covers(Map.of(new TopicPartition("other", 0), 99L))).isTrue();
        }
    }

    @Test
    void whatAStartRestoresCountsAsApplied() {
        GlobalView<String> view = GlobalView.of(new StreamsBuilder(), TOPIC, Serdes.String(), "example-view");
        StateRestoreListener listener = GlobalView.restoreListener(List.of(view));
        // a checkpoint at position 120: records up to 119 are in the store before anything is restored
        listener.onRestoreStart(PARTITION, "example-view", 120, 200);
        assertThat(view.progress().covers(Map.of(PARTITION, 119L))).isTrue();
        assertThat(view.progress().covers(Map.of(PARTITION, 150L))).isFalse();
        // a restored batch ends at the consumer's position, past the batch's last record (or a commit marker)
        listener.onBatchRestored(PARTITION, "example-view", 200, 80);
        assertThat(view.progress().covers(Map.of(PARTITION, 199L))).isTrue();
        // another store's restoration says nothing about this view
        listener.onRestoreStart(new TopicPartition(TOPIC, 1), "other-view", 50, 50);
        assertThat(view.progress().covers(Map.of(new TopicPartition(TOPIC, 1), 10L))).isFalse();
    }
}
