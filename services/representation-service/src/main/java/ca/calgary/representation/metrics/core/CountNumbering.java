package ca.calgary.representation.metrics.core;

/**
 * Names the counts of a table by number, so that suppression works on arrays: the count of group g in measure m of
 * row r (the table's rows in key order) is (r × measures + m) × groups + g.
 *
 * @param measures how many counts each group of a row has (1 for a head count; a flow has one per measure)
 */
public record CountNumbering(int rows, int measures) {

    private static final Group[] GROUPS = Group.values();

    public int size() {
        return rows * measures * GROUPS.length;
    }

    public int of(int row, int measure, Group group) {
        return (row * measures + measure) * GROUPS.length + group.ordinal();
    }

    public int row(int cell) {
        return cell / (measures * GROUPS.length);
    }

    public int measure(int cell) {
        return cell / GROUPS.length % measures;
    }

    public Group group(int cell) {
        return GROUPS[cell % GROUPS.length];
    }
}
