package ca.calgary.representation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BaseStreamsConfigTest {

    @Test
    void everyApplicationIsExactlyOnceWithCompressedStoresWhateverTheExtraSettingsSay() {
        Properties properties = BaseStreamsConfig.properties("representation", "broker:9092", (short) 3, Map.of(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE,
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, 4));
        assertThat(properties)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "representation")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompressedStores.class)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 4);
    }

    @Test
    void storesAreCompressedWithLz4() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            options.setCompressionType(CompressionType.NO_COMPRESSION); // what Kafka Streams sets before the setter
            new CompressedStores().setConfig("employee-histories", options, Map.of());
            assertThat(options.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
        }
    }
}
