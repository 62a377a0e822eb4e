package ca.calgary.representation.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;

/**
 * Compresses every RocksDB store's files with LZ4 (Kafka Streams leaves them uncompressed). The stores' values repeat
 * org-unit paths, service lines and figure layouts from key to key, which a block compresses several times over; LZ4
 * costs little CPU beside the serialisation around it.
 */
public final class CompressedStores implements RocksDBConfigSetter {

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing allocated here
    }
}
