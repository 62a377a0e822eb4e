package ca.calgary.representation.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.calgary.representation.platform.LocalPlatformExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger against the real broker, when its topic is not listed yet at start (several services on a fresh cluster). */
@ExtendWith(LocalPlatformExtension.class)
class AcceptedEventLedgerIT {

    @Test
    void aLedgerStartedBeforeItsTopicIsListedWaitsForItAndLoadsIt() throws Exception {
        String bootstrap = LocalPlatformExtension.platform().bootstrapServers();
        String topic = "ledger-" + UUID.randomUUID();
        try (AcceptedEventLedger ledger = new AcceptedEventLedger(topic);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ledger.start(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
            Thread.sleep(1500);
            assertThat(ledger.isCaughtUp()).isFalse();

            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, AcceptedEventLedger.EVENT_PREFIX + "key-1", "fingerprint-1"))
                        .get();
                // as versions before eventIds were pseudonymised wrote an entry: keyed by the clear eventId
                producer.send(new ProducerRecord<>(topic, AcceptedEventLedger.EVENT_PREFIX + "legacy-id",
                        "fingerprint-2")).get();
            }

            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ledger.event("key-1", "id-1").isPresent());
            assertThat(ledger.isCaughtUp()).isTrue();
            assertThat(ledger.event("key-1", "id-1")).hasValue(new AcceptedEventLedger.Entry("fingerprint-1", false));
            assertThat(ledger.event("key-2", "legacy-id"))
                    .hasValue(new AcceptedEventLedger.Entry("fingerprint-2", false));
            assertThat(ledger.event("key-3", "id-3")).isEmpty();
        }
    }
}
