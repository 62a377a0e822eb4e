package ca.calgary.representation.simulator;

import java.util.List;

/** A simulated workforce's events, in publishing order, and what it looks like at the end. */
public record Simulation(SimulationSettings settings, List<SimulatedEvent> events, SimulationSummary summary) {
}
