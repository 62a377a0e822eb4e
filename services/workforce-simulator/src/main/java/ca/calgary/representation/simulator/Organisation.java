package ca.calgary.representation.simulator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A City-like organisation: police, fire, peace officers, emergency communications and emergency management in
 * public safety, and corporate and operational units, with a pyramid of levels and ranks named as the services name
 * them (police: Constable, Sergeant, Inspector, Superintendent, Deputy Chief).
 */
final class Organisation {

    /** Share of each unit's positions at each level: a pyramid. */
    static final Map<Level, Double> LEVEL_SHARES = levelShares();

    private static final List<String> POLICE = List.of("Constable", "Sergeant", "Inspector", "Superintendent",
            "Deputy Chief");
    private static final List<String> FIRE = List.of("Firefighter", "Captain", "District Chief", "Deputy Chief",
            "Fire Chief");
    private static final List<String> PEACE = List.of("Community Peace Officer", "Peace Officer Sergeant",
            "Peace Officer Manager", "Director, Community Standards", "Chief Bylaw Officer");
    private static final List<String> COMMUNICATIONS = List.of("Emergency Communications Officer", "Team Supervisor",
            "Operations Manager", "Director, Emergency Communications", "Commander, Public Safety Communications");
    private static final List<String> EMERGENCY = List.of("Emergency Management Specialist", "Emergency Coordinator",
            "Emergency Management Manager", "Deputy Chief, Emergency Management", "Chief, Emergency Management");

    private final List<Unit> units;

    private Organisation(List<Unit> units) {
        this.units = List.copyOf(units);
    }

    /** About a fifth in police, a tenth in fire, a few percent in the other public-safety lines, the rest corporate. */
    static Organisation cityLike() {
        String ps = "City/Public Safety/";
        return new Organisation(List.of(
                new Unit(ps + "Calgary Police Service/Patrol", "POLICE", 0.09, "POL", POLICE),
                new Unit(ps + "Calgary Police Service/Investigations", "POLICE", 0.05, "POL", POLICE),
                new Unit(ps + "Calgary Police Service/Community Safety", "POLICE", 0.03, "POL", POLICE),
                new Unit(ps + "Calgary Police Service/Support Services", "POLICE", 0.03, "POL", POLICE),
                new Unit(ps + "Calgary Fire Department/Operations", "FIRE", 0.07, "FIR", FIRE),
                new Unit(ps + "Calgary Fire Department/Community Risk Reduction", "FIRE", 0.02, "FIR", FIRE),
                new Unit(ps + "Calgary Fire Department/Training", "FIRE", 0.01, "FIR", FIRE),
                new Unit(ps + "Community Standards/Bylaw Services", "PEACE_OFFICERS", 0.015, "CPO", PEACE),
                new Unit(ps + "Community Standards/Transit Peace Officers", "PEACE_OFFICERS", 0.01, "CPO", PEACE),
                new Unit(ps + "Emergency Communications/Call Taking", "EMERGENCY_COMMUNICATIONS", 0.015, "ECC",
                        COMMUNICATIONS),
                new Unit(ps + "Emergency Communications/Dispatch", "EMERGENCY_COMMUNICATIONS", 0.01, "ECC",
                        COMMUNICATIONS),
                new Unit(ps + "Emergency Management Agency", "EMERGENCY_MANAGEMENT", 0.005, "CEM", EMERGENCY),
                corporate("City/Corporate Planning & Financial Services/Finance", 0.06, "FIN", "Financial Analyst"),
                corporate("City/Corporate Planning & Financial Services/Information Technology", 0.07, "ITS",
                        "Systems Analyst"),
                corporate("City/People, Innovation & Collaboration/Human Resources", 0.03, "HRS", "HR Advisor"),
                corporate("City/Operational Services/Calgary Transit", 0.175, "TRN", "Transit Operator"),
                corporate("City/Operational Services/Water Services", 0.09, "WTR", "Water Operator"),
                corporate("City/Operational Services/Mobility", 0.07, "MOB", "Roads Maintenance Worker"),
                corporate("City/Community Services/Parks & Open Spaces", 0.06, "PKS", "Parks Technician"),
                corporate("City/Community Services/Recreation", 0.05, "REC", "Recreation Programmer"),
                corporate("City/Planning & Development Services/Development", 0.04, "PDS", "Planner")));
    }

    private static Unit corporate(String path, double share, String prefix, String frontline) {
        String area = path.substring(path.lastIndexOf('/') + 1);
        return new Unit(path, "CORPORATE", share, prefix, List.of(frontline, "Team Lead, " + area,
                "Manager, " + area, "Director, " + area, "General Manager, " + area));
    }

    private static Map<Level, Double> levelShares() {
        Map<Level, Double> shares = new EnumMap<>(Level.class);
        shares.put(Level.FRONTLINE, 0.80);
        shares.put(Level.SUPERVISOR, 0.125);
        shares.put(Level.MANAGER, 0.05);
        shares.put(Level.DIRECTOR, 0.02);
        shares.put(Level.EXECUTIVE, 0.005);
        return shares;
    }

    List<Unit> units() {
        return units;
    }

    /** The number of positions of each unit and level for a workforce of the given size, at least one each. */
    Map<Unit, Map<Level, Integer>> positions(int employees) {
        Map<Unit, Map<Level, Integer>> positions = new LinkedHashMap<>();
        for (Unit unit : units) {
            Map<Level, Integer> levels = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                levels.put(level, Math.max(1, (int) Math.round(employees * unit.share() * LEVEL_SHARES.get(level))));
            }
            positions.put(unit, levels);
        }
        return positions;
    }

    /** The units of the same service line, for lateral moves and promotions. */
    List<Unit> serviceLine(String serviceLine) {
        return units.stream().filter(unit -> unit.serviceLine().equals(serviceLine)).toList();
    }
}
