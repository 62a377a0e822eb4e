"""Canonical HR events (SPEC section 3, one JSON object per line) as the pipeline's Avro envelopes.

Shared by publish_legacy.py and publish_current.py. The HR employeeId never leaves this module in the clear:
it becomes employeeKey = base64url(HMAC-SHA256(pseudonymization key, employeeId)), unpadded, exactly as the
ingest services compute it. Nor does the eventId, which HR systems often build from the employeeId ("E1234-hire"):
it travels as base64url(HMAC-SHA256(pseudonymization key, EVENT_ID_DOMAIN + eventId)), unpadded.
"""
import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os

# Which topic carries each event type.
TOPICS = {
    "EmployeeHired": "hr.employment-events",
    "EmployeeTransferred": "hr.employment-events",
    "EmployeeSeparated": "hr.employment-events",
    "SelfIdentificationSubmitted": "hr.self-identification-events",
    "SelfIdentificationWithdrawn": "hr.self-identification-events",
    "PromotionCompetitionOpened": "hr.promotion-events",
    "PromotionApplicationSubmitted": "hr.promotion-events",
    "PromotionCandidateShortlisted": "hr.promotion-events",
    "EmployeePromoted": "hr.promotion-events",
    "MentorshipEnrolled": "hr.mentorship-events",
    "MentorshipCompleted": "hr.mentorship-events",
    "MentorshipWithdrawn": "hr.mentorship-events",
    "WorkingGroupAppointed": "hr.mentorship-events",
    "WorkingGroupAppointmentEnded": "hr.mentorship-events",
}

# The fields of each payload besides its type, with their defaults where the schema has one.
PAYLOAD_FIELDS = {
    "EmployeeHired": {"position": None},
    "EmployeeTransferred": {"position": None},
    "EmployeeSeparated": {"reason": None},
    "SelfIdentificationSubmitted": {"status": None, "indigenousIdentities": [], "raceCategories": []},
    "SelfIdentificationWithdrawn": {},
    "PromotionCompetitionOpened": {"competitionId": None, "position": None},
    "PromotionApplicationSubmitted": {"competitionId": None},
    "PromotionCandidateShortlisted": {"competitionId": None},
    "EmployeePromoted": {"position": None, "competitionId": None},
    "MentorshipEnrolled": {"programId": None, "role": None},
    "MentorshipCompleted": {"programId": None},
    "MentorshipWithdrawn": {"programId": None},
    "WorkingGroupAppointed": {"workingGroupId": None, "workingGroupName": None, "role": None},
    "WorkingGroupAppointmentEnded": {"workingGroupId": None},
}


# Prefixed to an eventId before it is pseudonymised, so that no eventId yields an employee's key.
EVENT_ID_DOMAIN = b"representation-monitor/event-id\x00"


def pseudonym(pseudonymization_key: bytes, text: bytes) -> str:
    digest = hmac.new(pseudonymization_key, text, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def employee_key(pseudonymization_key: bytes, employee_id: str) -> str:
    return pseudonym(pseudonymization_key, employee_id.encode("utf-8"))


def event_key(pseudonymization_key: bytes, event_id: str) -> str:
    return pseudonym(pseudonymization_key, EVENT_ID_DOMAIN + event_id.encode("utf-8"))


def envelope(event: dict, pseudonymization_key: bytes):
    """The Kafka topic, the record key and the Avro envelope (as a dict) of one canonical event."""
    event_type = event["type"]
    # Every payload carries its branch tag, a field named after its type (employeeHired: "EmployeeHired"): writers
    # that pick a union branch by the names of a record's fields (python-avro) need it to pick the right one.
    payload = {event_type[0].lower() + event_type[1:]: event_type}
    for field, default in PAYLOAD_FIELDS[event_type].items():
        payload[field] = event.get(field, default)
    if "employeeId" in event:
        key = employee_key(pseudonymization_key, event["employeeId"])
    else:
        key = None  # only PromotionCompetitionOpened has no employee
    recorded = event.get("recordedAt")
    value = {
        "eventId": event_key(pseudonymization_key, event["eventId"]),
        "employeeKey": key,
        "effectiveDate": datetime.date.fromisoformat(event["effectiveDate"]),
        "recordedAt": (datetime.datetime.fromisoformat(recorded.replace("Z", "+00:00")) if recorded
                       else datetime.datetime.now(datetime.timezone.utc)),
        "source": event.get("source", "hr-system"),
        "payload": payload,
        # The declared type: the pipeline dead-letters an event whose declared type and payload branch disagree.
        "type": event_type,
    }
    # Key by employeeKey (competitionId for an opening), never by the HR employeeId.
    record_key = event["competitionId"] if event_type == "PromotionCompetitionOpened" else key
    return TOPICS[event_type], record_key, value


def arguments(description: str):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--registry-url", required=True)
    parser.add_argument("--registry-user-info", default=os.environ.get("SCHEMA_REGISTRY_USER_INFO"),
                        help="user:password for the registry's Basic authentication, if it asks")
    parser.add_argument("--events", required=True, help="canonical JSON events, one per line")
    args = parser.parse_args()
    # The same secret as the ingest services' representation.pseudonymization.key, base64.
    args.pseudonymization_key = base64.b64decode(os.environ["REPRESENTATION_PSEUDONYMIZATION_KEY"])
    return args


def registry_settings(args) -> dict:
    settings = {"url": args.registry_url}
    if args.registry_user_info:
        settings.update({"basic.auth.credentials.source": "USER_INFO",
                         "basic.auth.user.info": args.registry_user_info})
    return settings


def producer_settings(args) -> dict:
    # Kafka's default partitioner (Java's): the pipeline then processes each event on the partition it arrives on
    return {"bootstrap.servers": args.bootstrap_servers, "acks": "all", "enable.idempotence": True,
            "partitioner": "murmur2_random"}


def read_events(path: str):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
