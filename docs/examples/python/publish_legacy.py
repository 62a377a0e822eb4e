#!/usr/bin/env python3
"""Publish canonical HR events straight to Kafka with Confluent's legacy Avro API (confluent_kafka.avro:
CachedSchemaRegistryClient and MessageSerializer, which write with python-avro), keyed by plain string keys."""
from confluent_kafka import Producer
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

import representation_events as events


def main():
    args = events.arguments(__doc__)
    registry = CachedSchemaRegistryClient(events.registry_settings(args))
    serializer = MessageSerializer(registry)
    producer = Producer(events.producer_settings(args))
    failures = []
    schema_ids = {}
    for event in events.read_events(args.events):
        topic, key, value = events.envelope(event, args.pseudonymization_key)
        if topic not in schema_ids:
            # The registered schema, never one of our own: like auto.register.schemas=false, use.latest.version=true.
            schema_ids[topic], _, _ = registry.get_latest_schema(topic + "-value")
        producer.produce(topic, key=key.encode("utf-8"),
                         value=serializer.encode_record_with_schema_id(schema_ids[topic], value),
                         on_delivery=lambda error, message: error and failures.append(error))
        producer.poll(0)
    producer.flush()
    if failures:
        raise SystemExit(f"{len(failures)} events were not written: {failures[0]}")


if __name__ == "__main__":
    main()
