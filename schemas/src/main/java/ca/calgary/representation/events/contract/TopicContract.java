package ca.calgary.representation.events.contract;

import java.util.Map;

import org.apache.avro.Schema;

/** What provisioning needs of a topic: its name, settings, value subject and value schema. */
public interface TopicContract {

    String topicName();

    String valueSubject();

    Schema valueSchema();

    Map<String, String> topicConfigs();
}
