package ca.calgary.representation.alerts.core;

/** How serious an alert is, from the size of the gap and how sure the test is (ordered). */
public enum Severity { LOW, MEDIUM, HIGH }
