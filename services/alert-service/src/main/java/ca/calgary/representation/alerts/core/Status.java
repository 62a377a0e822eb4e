package ca.calgary.representation.alerts.core;

/** An alert's lifecycle (SPEC §8): OPEN, then UPDATED when its severity changes, then RESOLVED. */
public enum Status { OPEN, UPDATED, RESOLVED }
