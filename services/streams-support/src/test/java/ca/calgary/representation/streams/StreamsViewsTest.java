package ca.calgary.representation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

class StreamsViewsTest {

    @Test
    void streamsTakeSpringsSecurityAndStreamsSettingsAndOneThreadPerCoreUnlessConfigured() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getStreams().getProperties().put("num.standby.replicas", "1");
        Map<String, Object> settings = StreamsViews.streamsSettings(kafka, Path.of("/var/lib/state"));
        assertThat(settings).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("num.standby.replicas", "1")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, Path.of("/var/lib/state").toString())
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Runtime.getRuntime().availableProcessors());

        kafka.getStreams().getProperties().put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "4");
        assertThat(StreamsViews.streamsSettings(kafka, null))
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "4")
                .doesNotContainKey(StreamsConfig.STATE_DIR_CONFIG);
    }
}
