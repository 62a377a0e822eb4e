#!/usr/bin/env python3
"""Read a compacted topic of the pipeline (metrics.representation, alerts.state, ...) with Confluent's
deserializer and print each key's latest value as one JSON line: {"key": ..., "value": {...}} (value null for a
deleted key). Reads from the beginning until the end of every partition."""
import argparse
import json
import time

from confluent_kafka import Consumer, TopicPartition
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--registry-url", required=True)
    parser.add_argument("--topic", required=True)
    args = parser.parse_args()
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry_url}))
    consumer = Consumer({"bootstrap.servers": args.bootstrap_servers, "group.id": "read-published",
                         "enable.auto.commit": False})
    partitions = consumer.list_topics(args.topic, timeout=30).topics[args.topic].partitions
    ends = {}
    for partition in partitions:
        low, high = consumer.get_watermark_offsets(TopicPartition(args.topic, partition), timeout=30)
        if high > low:
            ends[partition] = high
    consumer.assign([TopicPartition(args.topic, partition, 0) for partition in ends])
    latest = {}
    deadline = time.monotonic() + 60
    while ends:
        message = consumer.poll(1)
        if message is not None:
            if message.error():
                raise SystemExit(str(message.error()))
            key = message.key().decode("utf-8")
            latest[key] = None if message.value() is None else serializer.decode_message(message.value())
        # The position, not the last message's offset: transaction markers (the pipeline writes exactly once)
        # take offsets too and are never delivered.
        for position in consumer.position([TopicPartition(args.topic, partition) for partition in list(ends)]):
            if position.offset >= ends[position.partition]:
                ends.pop(position.partition)
        if time.monotonic() > deadline:
            raise SystemExit(f"not at the end of partitions {sorted(ends)} within 60 s")
    consumer.close()
    for key, value in latest.items():
        print(json.dumps({"key": key, "value": value}, default=str, sort_keys=True))


if __name__ == "__main__":
    main()
