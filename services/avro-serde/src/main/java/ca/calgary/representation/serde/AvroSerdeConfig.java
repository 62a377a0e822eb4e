package ca.calgary.representation.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the serde, under Confluent's own configuration keys, so an HR system's Confluent client settings
 * read the same here. Keys that belong to the producer, consumer or Streams are ignored.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent also accepts the user info under the registry prefix. */
    public static final String PREFIXED_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    /** The only subject naming supported: {@code <topic>-key} and {@code <topic>-value}. */
    public static final String TOPIC_NAME_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Comma-separated registry URLs (the Confluent REST API root); tried in turn when one fails.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL",
                    ConfigDef.ValidString.in("URL", "USER_INFO"), Importance.MEDIUM,
                    "Where HTTP basic credentials come from: USER_INFO (basic.auth.user.info) or URL (user:pass@host).")
            .define(BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for USER_INFO basic authentication.")
            .define(PREFIXED_BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.LOW,
                    "Same as basic.auth.user.info.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema under the subject when serializing.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Serialize with the subject's latest registered schema (requires auto.register.schemas=false).")
            .define(LATEST_CACHE_TTL_SEC, Type.LONG, -1L, Importance.LOW,
                    "How long the latest version of a subject is cached; -1 keeps it for good.")
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Deserialize into generated SpecificRecord classes instead of GenericRecord.")
            .define(USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW,
                    "Map logical types (date, timestamps, decimal, uuid) to Java types for GenericRecord too.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY, Importance.LOW,
                    "Subject naming for keys; only TopicNameStrategy is supported.")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TOPIC_NAME_STRATEGY, Importance.LOW,
                    "Subject naming for values; only TopicNameStrategy is supported.")
            .define(MAX_RETRIES, Type.INT, 3, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Retries of a registry call that failed for a transient reason (I/O error, 5xx, 429).")
            .define(RETRIES_WAIT_MS, Type.LONG, 1000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "First wait before a retry; doubled each time.")
            .define(RETRIES_MAX_WAIT_MS, Type.LONG, 20000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Longest wait between retries.")
            .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 60000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Registry connect timeout.")
            .define(HTTP_READ_TIMEOUT_MS, Type.INT, 60000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Registry response timeout.");

    public AvroSerdeConfig(Map<String, ?> settings) {
        super(DEFINITION, settings, false);
        requireTopicNameStrategy(KEY_SUBJECT_NAME_STRATEGY);
        requireTopicNameStrategy(VALUE_SUBJECT_NAME_STRATEGY);
        if (autoRegisterSchemas() && useLatestVersion()) {
            throw new ConfigException(USE_LATEST_VERSION + "=true needs " + AUTO_REGISTER_SCHEMAS
                    + "=false: a serializer either registers its own schema or writes with the latest one");
        }
        if (registryUrls().isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one registry URL is required");
        }
        if ("USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE)) && userInfo().isEmpty()) {
            throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs " + BASIC_AUTH_USER_INFO);
        }
    }

    public List<URI> registryUrls() {
        return getList(SCHEMA_REGISTRY_URL).stream()
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(url -> URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url))
                .toList();
    }

    /** {@code user:password} for basic authentication, if configured by either credentials source. */
    public Optional<String> userInfo() {
        if ("USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            return Optional.ofNullable(getPassword(BASIC_AUTH_USER_INFO))
                    .or(() -> Optional.ofNullable(getPassword(PREFIXED_BASIC_AUTH_USER_INFO)))
                    .map(password -> password.value());
        }
        return registryUrls().stream().map(URI::getRawUserInfo).filter(info -> info != null).findFirst();
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public Optional<Duration> latestCacheTtl() {
        long seconds = getLong(LATEST_CACHE_TTL_SEC);
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public boolean useLogicalTypeConverters() {
        return getBoolean(USE_LOGICAL_TYPE_CONVERTERS);
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public Duration retriesWait() {
        return Duration.ofMillis(getLong(RETRIES_WAIT_MS));
    }

    public Duration retriesMaxWait() {
        return Duration.ofMillis(getLong(RETRIES_MAX_WAIT_MS));
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(getInt(HTTP_CONNECT_TIMEOUT_MS));
    }

    public Duration readTimeout() {
        return Duration.ofMillis(getInt(HTTP_READ_TIMEOUT_MS));
    }

    private void requireTopicNameStrategy(String key) {
        String strategy = getString(key);
        boolean topicName = strategy.equals(TOPIC_NAME_STRATEGY) || strategy.endsWith(".TopicNameStrategy")
                || strategy.equals("TopicNameStrategy");
        if (!topicName) {
            throw new ConfigException(key, strategy, "only TopicNameStrategy subjects (<topic>-key, <topic>-value)"
                    + " are supported; the supported values are " + Arrays.asList(TOPIC_NAME_STRATEGY));
        }
    }
}
