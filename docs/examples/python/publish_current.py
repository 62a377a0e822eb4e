#!/usr/bin/env python3
"""Publish canonical HR events straight to Kafka with Confluent's current API (confluent_kafka.schema_registry:
SchemaRegistryClient and AvroSerializer, which write with fastavro), keyed by plain string keys."""
from confluent_kafka import SerializingProducer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroSerializer
from confluent_kafka.serialization import StringSerializer

import representation_events as events


def main():
    args = events.arguments(__doc__)
    registry = SchemaRegistryClient(events.registry_settings(args))
    producers = {}
    failures = []
    for event in events.read_events(args.events):
        topic, key, value = events.envelope(event, args.pseudonymization_key)
        if topic not in producers:
            # The registered schema, never one of our own.
            schema = registry.get_latest_version(topic + "-value").schema.schema_str
            producers[topic] = SerializingProducer({
                **events.producer_settings(args),
                "key.serializer": StringSerializer("utf_8"),
                "value.serializer": AvroSerializer(registry, schema, conf={"auto.register.schemas": False}),
            })
        producers[topic].produce(topic, key=key, value=value,
                                 on_delivery=lambda error, message: error and failures.append(error))
        producers[topic].poll(0)
    for producer in producers.values():
        producer.flush()
    if failures:
        raise SystemExit(f"{len(failures)} events were not written: {failures[0]}")


if __name__ == "__main__":
    main()
