package ca.calgary.representation.metrics.topology;

import java.io.DataInput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionEntry;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.FlowContribution;
import ca.calgary.representation.metrics.core.FlowCounts;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.GoalInputs;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.Period;
import ca.calgary.representation.metrics.core.Placement;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.Releases;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.SelfIdentification;
import ca.calgary.representation.metrics.core.Tier;
import ca.calgary.representation.metrics.core.WorkingGroupNaming;
import ca.calgary.representation.streams.BinarySerde;
import ca.calgary.representation.streams.BinarySerde.Reader;
import ca.calgary.representation.streams.BinarySerde.Writer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Compact binary serdes for the topology's own repartition topics and state stores. These never leave the
 * pipeline, so they need no registry; each value starts with a format version byte so a later release can read
 * what an earlier one wrote.
 */
final class InternalSerdes {

    /**
     * Format 2 added competition ids to history entries; format 3 writes histories and flows with a table of the
     * value's distinct placements (each written once, referred to by index) and periods in four bytes, which makes
     * an employee's flows about five times smaller. Earlier formats are still read.
     */
    private static final byte VERSION = 7;
    private static final int PLACEMENT_TABLE = 3;
    /** Format 4 writes sparse counts (flow counts, head counts, funnels) in variable-length integers. */
    private static final int VARIABLE_LENGTH_COUNTS = 4;
    /** Format 5 adds to live count changes who changed in each (scope, tier) (SPEC §9 release rule). */
    private static final int CHANGED_CONTRIBUTORS = 5;
    /** Format 6 adds the working group and role to working-group history entries, and seats to contributions. */
    private static final int WORKING_GROUPS = 6;
    /**
     * Format 7 adds to the changes of flow counts, quarter-end head counts and funnels who changed in each (period or
     * quarter, scope, tier) and competition (SPEC §9 release rule).
     */
    private static final int FLOW_CONTRIBUTORS = 7;

    private InternalSerdes() {
    }

    /**
     * Many employees' changes to the live counts, coalesced: the change of each (scope, tier)'s counts, and of the
     * data-quality counts of events that cannot apply yet.
     */
    record LiveCountChange(Map<CellKey, GroupCounts> cells, Map<CellKey, Set<Long>> contributors,
                           long unexplainedEvents, long employeesWithUnexplained) {
        /** Employees were evaluated and no count changed. */
        boolean isEmpty() {
            return cells.isEmpty() && contributors.isEmpty() && unexplainedEvents == 0
                    && employeesWithUnexplained == 0;
        }
    }

    static Serde<EmployeeEvent> employeeEvent() {
        return serde((out, event) -> withPlacementTable(out, (body, placements) -> writeEvent(body, event, placements)),
                in -> readEvent(in, PlacementTable.readTable(in)));
    }

    static Serde<EmployeeHistory> employeeHistory() {
        return serde((out, history) -> withPlacementTable(out, (body, placements) -> {
            body.writeInt(history.events().size());
            for (EmployeeEvent event : history.events()) {
                writeEvent(body, event, placements);
            }
        }), in -> {
            PlacementTable placements = PlacementTable.readTable(in);
            int size = in.readInt();
            List<EmployeeEvent> events = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                events.add(readEvent(in, placements));
            }
            return new EmployeeHistory(events);
        });
    }

    static Serde<Contribution> contribution() {
        return serde(InternalSerdes::writeContribution, InternalSerdes::readContribution);
    }

    static Serde<LiveCountChange> liveCountChange() {
        return serde((out, change) -> {
            writeCells(out, change.cells(), InternalSerdes::writeGroupCounts);
            out.writeLong(change.unexplainedEvents());
            out.writeLong(change.employeesWithUnexplained());
            writeCells(out, change.contributors(), InternalSerdes::writeContributors);
        }, in -> {
            Map<CellKey, GroupCounts> cells = readCells(in, InternalSerdes::readGroupCounts);
            long unexplainedEvents = in.readLong();
            long employeesWithUnexplained = in.readLong();
            // earlier formats name nobody: their changes wait for a later release (SPEC §9)
            Map<CellKey, Set<Long>> contributors = in.version() >= CHANGED_CONTRIBUTORS
                    ? readCells(in, InternalSerdes::readContributors) : Map.of();
            return new LiveCountChange(cells, contributors, unexplainedEvents, employeesWithUnexplained);
        });
    }

    /** A (scope, tier)'s last release of its live head counts and who changed since ({@link Releases}). */
    static Serde<Releases.Release<GroupCounts>> release() {
        return release(InternalSerdes::writeGroupCounts, InternalSerdes::readGroupCounts);
    }

    /** A (period, scope, tier)'s last release of its flow counts and who changed since ({@link Releases}). */
    static Serde<Releases.Release<FlowCounts>> flowRelease() {
        return release(InternalSerdes::writeFlowCounts, InternalSerdes::readFlowCounts);
    }

    private static <C> Serde<Releases.Release<C>> release(Writer<C> writeCounts, Reader<C> readCounts) {
        return serde((out, release) -> {
            writeNullable(out, release.counts(), writeCounts);
            out.writeLong(release.on() == null ? Long.MIN_VALUE : release.on().toEpochDay());
            writeContributors(out, release.changedSince());
        }, in -> {
            C counts = readNullable(in, readCounts);
            long day = in.readLong();
            return new Releases.Release<>(counts, day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day),
                    readContributors(in));
        });
    }

    private static void writeContributors(DataOutputStream out, Set<Long> contributors) throws IOException {
        BinarySerde.writeVarLong(out, contributors.size());
        for (long contributor : new TreeSet<>(contributors)) {
            out.writeLong(contributor);
        }
    }

    private static Set<Long> readContributors(BinarySerde.Input in) throws IOException {
        long size = in.readVarLong();
        Set<Long> contributors = new HashSet<>();
        for (long i = 0; i < size; i++) {
            contributors.add(in.readLong());
        }
        return contributors;
    }

    static Serde<EmployeeFlows> employeeFlows() {
        return serde((out, flows) -> withPlacementTable(out, (body, placements) -> writeFlows(body, flows, placements)),
                in -> readFlows(in, PlacementTable.readTable(in)));
    }

    /** One period's coalesced change of flow counts per (scope, tier), with who changed in each. */
    static Serde<FlowCountChange.PeriodChange> periodChange() {
        return cellsAndContributors(InternalSerdes::writeFlowCounts, InternalSerdes::readFlowCounts,
                FlowCountChange.PeriodChange::cells, FlowCountChange.PeriodChange::contributors,
                FlowCountChange.PeriodChange::new);
    }

    static Serde<FlowCounts> flowCounts() {
        return serde(InternalSerdes::writeFlowCounts, InternalSerdes::readFlowCounts);
    }

    /** One quarter's coalesced change of quarter-end head counts per (scope, tier), with who changed in each. */
    static Serde<FlowCountChange.QuarterEndChange> quarterEndChange() {
        return cellsAndContributors(InternalSerdes::writeGroupCounts, InternalSerdes::readGroupCounts,
                FlowCountChange.QuarterEndChange::cells, FlowCountChange.QuarterEndChange::contributors,
                FlowCountChange.QuarterEndChange::new);
    }

    /** A change of counts per (scope, tier) and who changed in each (from format 7; before, nobody). */
    private static <V, C> Serde<C> cellsAndContributors(
            Writer<V> writeCounts, Reader<V> readCounts, Function<C, Map<CellKey, V>> cells,
            Function<C, Map<CellKey, Set<Long>>> contributors,
            BiFunction<Map<CellKey, V>, Map<CellKey, Set<Long>>, C> change) {
        return serde((out, value) -> {
            writeCells(out, cells.apply(value), writeCounts);
            writeCells(out, contributors.apply(value), InternalSerdes::writeContributors);
        }, in -> {
            Map<CellKey, V> counts = readCells(in, readCounts);
            // earlier formats name nobody: their changes wait for a later release (SPEC §9)
            return change.apply(counts, in.version() >= FLOW_CONTRIBUTORS
                    ? readCells(in, InternalSerdes::readContributors) : Map.of());
        });
    }

    static Serde<GroupCounts> groupCounts() {
        return serde(InternalSerdes::writeGroupCounts, InternalSerdes::readGroupCounts);
    }

    /** A competition funnel's counts, or a coalesced change of them. */
    static Serde<CompetitionCalculator.Counts> competitionCounts() {
        return serde(InternalSerdes::writeCompetitionCounts, InternalSerdes::readCompetitionCounts);
    }

    /** The change of a competition's funnel, with who changed in it. */
    static Serde<FlowCountChange.CompetitionChange> competitionChange() {
        return serde((out, change) -> {
            writeCompetitionCounts(out, change.counts());
            writeContributors(out, change.contributors());
        }, in -> {
            CompetitionCalculator.Counts counts = readCompetitionCounts(in);
            // earlier formats name nobody: their changes wait for a later release (SPEC §9)
            return new FlowCountChange.CompetitionChange(counts,
                    in.version() >= FLOW_CONTRIBUTORS ? readContributors(in) : Set.of());
        });
    }

    /** A competition's last release of its funnel and who changed in it since ({@link Releases}). */
    static Serde<Releases.Release<CompetitionCalculator.Counts>> competitionRelease() {
        return release(InternalSerdes::writeCompetitionCounts, InternalSerdes::readCompetitionCounts);
    }

    private static void writeCompetitionCounts(DataOutputStream out, CompetitionCalculator.Counts counts)
            throws IOException {
        writeSparse(out, CompetitionCalculator.Counts.SIZE, counts::at);
    }

    private static CompetitionCalculator.Counts readCompetitionCounts(BinarySerde.Input in) throws IOException {
        CompetitionCalculator.Counts counts = new CompetitionCalculator.Counts();
        readSparse(in, counts::addAt);
        return counts;
    }

    private static <V> void writeCells(DataOutputStream out, Map<CellKey, V> cells, Writer<V> writer)
            throws IOException {
        out.writeInt(cells.size());
        for (Map.Entry<CellKey, V> cell : new TreeMap<>(cells).entrySet()) {
            out.writeUTF(cell.getKey().id());
            writer.write(out, cell.getValue());
        }
    }

    private static <V> Map<CellKey, V> readCells(BinarySerde.Input in, Reader<V> reader) throws IOException {
        int size = in.readInt();
        Map<CellKey, V> cells = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            cells.put(CellKey.parse(in.readUTF()), reader.read(in));
        }
        return cells;
    }

    private static void writeFlowCounts(DataOutputStream out, FlowCounts counts) throws IOException {
        writeSparse(out, FlowCounts.SIZE, counts::at);
    }

    private static FlowCounts readFlowCounts(BinarySerde.Input in) throws IOException {
        FlowCounts counts = new FlowCounts();
        readSparse(in, counts::addAt);
        return counts;
    }

    private static void writeGroupCounts(DataOutputStream out, GroupCounts counts) throws IOException {
        int groups = Group.values().length;
        writeSparse(out, 2 * groups, i -> i < groups ? counts.counts()[i] : counts.mentees()[i - groups]);
    }

    private static GroupCounts readGroupCounts(BinarySerde.Input in) throws IOException {
        int groups = Group.values().length;
        long[] counts = new long[groups];
        long[] mentees = new long[groups];
        readSparse(in, (i, value) -> {
            if (i < groups) {
                counts[i] = value;
            } else {
                mentees[i - groups] = value;
            }
        });
        return new GroupCounts(counts, mentees);
    }

    /**
     * Counts that are mostly zero and small: how many are not, then each as (index, value), in variable-length
     * integers (format 4; before, a short and eight bytes each, read still).
     */
    private static void writeSparse(DataOutputStream out, int size, java.util.function.IntToLongFunction count)
            throws IOException {
        int nonZero = 0;
        for (int i = 0; i < size; i++) {
            if (count.applyAsLong(i) != 0) {
                nonZero++;
            }
        }
        BinarySerde.writeVarLong(out, nonZero);
        for (int i = 0; i < size; i++) {
            long value = count.applyAsLong(i);
            if (value != 0) {
                BinarySerde.writeVarLong(out, i);
                BinarySerde.writeVarLong(out, (value << 1) ^ (value >> 63));
            }
        }
    }

    /** Seven bits a byte, the lowest first; the high bit says more follow. */
    private interface IndexedCount {
        void add(int index, long value);
    }

    private static void readSparse(BinarySerde.Input in, IndexedCount counts) throws IOException {
        if (in.version() < VARIABLE_LENGTH_COUNTS) {
            int nonZero = in.readUnsignedShort();
            for (int i = 0; i < nonZero; i++) {
                counts.add(in.readUnsignedShort(), in.readLong());
            }
            return;
        }
        long nonZero = in.readVarLong();
        for (long i = 0; i < nonZero; i++) {
            int index = (int) in.readVarLong();
            long zigZag = in.readVarLong();
            counts.add(index, (zigZag >>> 1) ^ -(zigZag & 1));
        }
    }

    static Serde<WorkingGroupNaming> workingGroupNaming() {
        return serde((out, naming) -> {
            out.writeUTF(naming.workingGroupId());
            out.writeUTF(naming.workingGroupName());
            out.writeLong(naming.namedOn().toEpochDay());
            out.writeLong(naming.recordedAt().getEpochSecond());
            out.writeInt(naming.recordedAt().getNano());
            out.writeUTF(naming.eventId());
        }, in -> new WorkingGroupNaming(in.readUTF(), in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readUTF()));
    }

    static Serde<CompetitionOpening> competitionOpening() {
        return serde((out, opening) -> {
            out.writeUTF(opening.competitionId());
            out.writeLong(opening.opened().toEpochDay());
            out.writeLong(opening.recordedAt().getEpochSecond());
            out.writeInt(opening.recordedAt().getNano());
            out.writeUTF(opening.eventId());
            writePlacement(out, opening.target());
        }, in -> new CompetitionOpening(in.readUTF(), LocalDate.ofEpochDay(in.readLong()),
                Instant.ofEpochSecond(in.readLong(), in.readInt()), in.readUTF(), readPlacement(in)));
    }

    // --- formats ---

    private static void writeFlows(DataOutputStream out, EmployeeFlows flows, PlacementTable placements)
            throws IOException {
        out.writeShort(flows.periods().size());
        for (Map.Entry<Period, FlowContribution> entry : flows.periods().entrySet()) {
            writePeriod(out, entry.getKey());
            writeFlowContribution(out, entry.getValue(), placements);
        }
        out.writeShort(flows.competitions().size());
        for (Map.Entry<String, CompetitionEntry> entry : flows.competitions().entrySet()) {
            out.writeUTF(entry.getKey());
            writeCompetitionEntry(out, entry.getValue());
        }
    }

    private static EmployeeFlows readFlows(BinarySerde.Input in, PlacementTable placements) throws IOException {
        SortedMap<Period, FlowContribution> periods = new TreeMap<>();
        int periodCount = readCount(in);
        for (int i = 0; i < periodCount; i++) {
            periods.put(readPeriod(in), readFlowContribution(in, placements));
        }
        SortedMap<String, CompetitionEntry> competitions = new TreeMap<>();
        int competitionCount = readCount(in);
        for (int i = 0; i < competitionCount; i++) {
            competitions.put(in.readUTF(), readCompetitionEntry(in));
        }
        return new EmployeeFlows(periods, competitions);
    }

    private static void writeFlowContribution(DataOutputStream out, FlowContribution c, PlacementTable placements)
            throws IOException {
        out.writeInt(mask(c.groups()));
        placements.write(out, c.atStart());
        placements.write(out, c.atEnd());
        out.writeBoolean(c.menteeAtEnd());
        writeList(out, c.hires(), placements::write);
        writeList(out, c.promotions(), (o, promotion) -> {
            placements.write(o, promotion.from());
            placements.write(o, promotion.to());
        });
        writeList(out, c.separations(), placements::write);
        writeList(out, c.enrolments(), (o, enrolment) -> {
            placements.write(o, enrolment.placement());
            o.writeBoolean(enrolment.promotedWithin24Months());
        });
        writeList(out, c.completions(), placements::write);
        out.writeBoolean(c.nonMentee());
        out.writeBoolean(c.nonMenteePromoted());
    }

    private static FlowContribution readFlowContribution(BinarySerde.Input in, PlacementTable placements)
            throws IOException {
        return new FlowContribution(unmask(in.readInt(), Group.class), placements.readNullable(in),
                placements.readNullable(in),
                in.readBoolean(), readList(in, placements::read),
                readList(in, i -> new FlowContribution.Promotion(placements.read(i), placements.read(i))),
                readList(in, placements::read),
                readList(in, i -> new FlowContribution.Enrolment(placements.read(i), i.readBoolean())),
                readList(in, placements::read), in.readBoolean(), in.readBoolean());
    }

    /** A period in four bytes: its kind, and its last quarter's year and number. */
    private static void writePeriod(DataOutputStream out, Period period) throws IOException {
        out.writeByte(period.kind().ordinal());
        out.writeShort(period.last().year());
        out.writeByte(period.last().number());
    }

    private static Period readPeriod(BinarySerde.Input in) throws IOException {
        if (in.version() < PLACEMENT_TABLE) {
            return Period.parse(in.readUTF());
        }
        Period.Kind kind = Period.Kind.values()[in.readByte()];
        Quarter last = new Quarter(in.readShort(), in.readByte());
        return kind == Period.Kind.QUARTER ? Period.quarter(last) : Period.rolling12Months(last);
    }

    /** A count of entries: a short since format 3, an int before. */
    private static int readCount(BinarySerde.Input in) throws IOException {
        return in.version() < PLACEMENT_TABLE ? in.readInt() : in.readUnsignedShort();
    }

    /**
     * The distinct placements of one value, each written once; entries refer to them by index (an employee has a
     * handful of placements, each written dozens of times in their flows). Before format 3 there is no table and
     * every placement is written in full where it is used.
     */
    private static final class PlacementTable {

        private static final int NONE = 0xFFFF;

        private final Map<Placement, Integer> indexes = new java.util.LinkedHashMap<>();
        private final List<Placement> placements = new ArrayList<>();
        private final boolean inline;

        private PlacementTable(boolean inline) {
            this.inline = inline;
        }

        static PlacementTable readTable(BinarySerde.Input in) throws IOException {
            if (in.version() < PLACEMENT_TABLE) {
                return new PlacementTable(true);
            }
            PlacementTable table = new PlacementTable(false);
            int size = in.readUnsignedShort();
            for (int i = 0; i < size; i++) {
                table.placements.add(readPlacement(in));
            }
            return table;
        }

        /** Its index (or none, for null), entering it in the table on first use. */
        void write(DataOutputStream out, Placement placement) throws IOException {
            if (placement == null) {
                out.writeShort(NONE);
                return;
            }
            Integer index = indexes.get(placement);
            if (index == null) {
                index = placements.size();
                if (index >= NONE) {
                    throw new IOException("more than " + NONE + " placements in one value");
                }
                indexes.put(placement, index);
                placements.add(placement);
            }
            out.writeShort(index);
        }

        /** A placement that may be null (written with a presence flag before format 3). */
        Placement readNullable(BinarySerde.Input in) throws IOException {
            if (inline) {
                return in.readBoolean() ? readPlacement(in) : null;
            }
            return read(in);
        }

        /** A placement that is never null (written without a flag before format 3). */
        Placement read(BinarySerde.Input in) throws IOException {
            if (inline) {
                return readPlacement(in);
            }
            int index = in.readUnsignedShort();
            return index == NONE ? null : placements.get(index);
        }

        void writeTable(DataOutputStream out) throws IOException {
            out.writeShort(placements.size());
            for (Placement placement : placements) {
                writePlacement(out, placement);
            }
        }
    }

    /** What a value's body writes, given the placement table it fills. */
    private interface PlacementBody {
        void write(DataOutputStream body, PlacementTable placements) throws IOException;
    }

    /** Writes the body to a buffer (filling the table), then the table, then the body. */
    private static void withPlacementTable(DataOutputStream out, PlacementBody body) throws IOException {
        PlacementTable placements = new PlacementTable(false);
        BinarySerde.UnsynchronizedOutput bytes = new BinarySerde.UnsynchronizedOutput();
        try (DataOutputStream buffer = new DataOutputStream(bytes)) {
            body.write(buffer, placements);
        }
        placements.writeTable(out);
        bytes.writeTo(out);
    }

    private static void writeCompetitionEntry(DataOutputStream out, CompetitionEntry entry) throws IOException {
        out.writeByte(entry.stage().ordinal());
        out.writeInt(mask(entry.groups()));
    }

    private static CompetitionEntry readCompetitionEntry(BinarySerde.Input in) throws IOException {
        return new CompetitionEntry(CompetitionEntry.Stage.values()[in.readByte()], unmask(in.readInt(), Group.class));
    }

    private static <T> void writeNullable(DataOutputStream out, T value, Writer<T> writer) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writer.write(out, value);
        }
    }

    private static <T> T readNullable(BinarySerde.Input in, Reader<T> reader) throws IOException {
        return in.readBoolean() ? reader.read(in) : null;
    }

    private static <T> void writeList(DataOutputStream out, List<T> values, Writer<T> writer) throws IOException {
        out.writeInt(values.size());
        for (T value : values) {
            writer.write(out, value);
        }
    }

    private static <T> List<T> readList(BinarySerde.Input in, Reader<T> reader) throws IOException {
        int size = in.readInt();
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(reader.read(in));
        }
        return values;
    }

    private static void writeEvent(DataOutputStream out, EmployeeEvent event, PlacementTable placements)
            throws IOException {
        out.writeUTF(event.eventId());
        out.writeLong(event.effectiveDate().toEpochDay());
        out.writeLong(event.recordedAt().getEpochSecond());
        out.writeInt(event.recordedAt().getNano());
        out.writeByte(event.kind().ordinal());
        placements.write(out, event.placement());
        out.writeBoolean(event.identification() != null);
        if (event.identification() != null) {
            writeIdentification(out, event.identification());
        }
        writeNullable(out, event.programId(), DataOutputStream::writeUTF);
        out.writeByte(event.role() == null ? -1 : event.role().ordinal());
        writeNullable(out, event.competitionId(), DataOutputStream::writeUTF);
        if (event.kind().isWorkingGroup()) {
            // only a working-group entry carries them: the others, nearly all of a history, pay nothing
            out.writeUTF(event.workingGroupId());
            out.writeByte(event.workingGroupRole() == null ? -1 : event.workingGroupRole().ordinal());
        }
    }

    private static EmployeeEvent readEvent(BinarySerde.Input in, PlacementTable placements) throws IOException {
        String eventId = in.readUTF();
        LocalDate effective = LocalDate.ofEpochDay(in.readLong());
        Instant recorded = Instant.ofEpochSecond(in.readLong(), in.readInt());
        EmployeeEvent.Kind kind = EmployeeEvent.Kind.values()[in.readByte()];
        Placement placement = placements.readNullable(in);
        SelfIdentification identification = in.readBoolean() ? readIdentification(in) : null;
        String programId = readNullable(in, DataInput::readUTF);
        byte role = in.readByte();
        String competitionId = in.version() >= 2 ? readNullable(in, DataInput::readUTF) : null;
        String workingGroupId = null;
        WorkingGroupRole workingGroupRole = null;
        if (in.version() >= WORKING_GROUPS && kind.isWorkingGroup()) {
            workingGroupId = in.readUTF();
            byte ordinal = in.readByte();
            workingGroupRole = ordinal < 0 ? null : WorkingGroupRole.values()[ordinal];
        }
        return new EmployeeEvent(eventId, effective, recorded, kind, placement, identification, programId,
                role < 0 ? null : MentorshipRole.values()[role], competitionId, workingGroupId, workingGroupRole);
    }

    private static void writePlacement(DataOutputStream out, Placement placement) throws IOException {
        out.writeByte(placement.level().ordinal());
        out.writeUTF(placement.orgUnitPath());
        out.writeUTF(placement.serviceLine());
    }

    private static Placement readPlacement(BinarySerde.Input in) throws IOException {
        return new Placement(Level.values()[in.readByte()], in.readUTF(), in.readUTF());
    }

    private static void writeIdentification(DataOutputStream out, SelfIdentification identification)
            throws IOException {
        out.writeBoolean(identification.responded());
        out.writeInt(mask(identification.indigenousIdentities()));
        out.writeInt(mask(identification.raceCategories()));
    }

    private static SelfIdentification readIdentification(BinarySerde.Input in) throws IOException {
        boolean responded = in.readBoolean();
        Set<IndigenousIdentity> indigenous = unmask(in.readInt(), IndigenousIdentity.class);
        Set<RaceCategory> race = unmask(in.readInt(), RaceCategory.class);
        return new SelfIdentification(responded, indigenous, race);
    }

    private static void writeContribution(DataOutputStream out, Contribution contribution) throws IOException {
        writePlacement(out, contribution.placement());
        out.writeInt(mask(contribution.groups()));
        out.writeBoolean(contribution.mentee());
        BinarySerde.writeVarLong(out, contribution.workingGroups().size());
        for (Map.Entry<String, Boolean> seat : new TreeMap<>(contribution.workingGroups()).entrySet()) {
            out.writeUTF(seat.getKey());
            out.writeBoolean(seat.getValue());
        }
    }

    private static Contribution readContribution(BinarySerde.Input in) throws IOException {
        Placement placement = readPlacement(in);
        Set<Group> groups = unmask(in.readInt(), Group.class);
        boolean mentee = in.readBoolean();
        Map<String, Boolean> workingGroups = new HashMap<>();
        long seats = in.version() >= WORKING_GROUPS ? in.readVarLong() : 0;
        for (int i = 0; i < seats; i++) {
            workingGroups.put(in.readUTF(), in.readBoolean());
        }
        return new Contribution(placement, groups, mentee, workingGroups);
    }

    private static <E extends Enum<E>> int mask(Set<E> values) {
        int mask = 0;
        for (E value : values) {
            mask |= 1 << value.ordinal();
        }
        return mask;
    }

    private static <E extends Enum<E>> Set<E> unmask(int mask, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (E constant : type.getEnumConstants()) {
            if ((mask & (1 << constant.ordinal())) != 0) {
                values.add(constant);
            }
        }
        return values;
    }

    /** What the goal aggregation reads: published cells, 12 months' flows and goals, by kind. */
    static Serde<GoalAggregator.Input> goalInput() {
        return serde(InternalSerdes::writeGoalInput, InternalSerdes::readGoalInput);
    }

    private static final int GOAL_CELL = 0;
    private static final int GOAL_TWELVE_MONTHS = 1;
    private static final int GOAL_SETTING = 2;

    private static void writeGoalInput(DataOutputStream out, GoalAggregator.Input input) throws IOException {
        if (input instanceof GoalAggregator.CellChange change) {
            out.writeByte(GOAL_CELL);
            out.writeUTF(change.tierGroup());
            writeNullable(out, change.cell(), (o, cell) -> {
                o.writeLong(cell.headcount());
                writeNullable(o, cell.count(), DataOutputStream::writeLong);
                writeNullable(o, cell.representation(), DataOutputStream::writeDouble);
                writeNullable(o, cell.benchmark(), DataOutputStream::writeDouble);
            });
        } else if (input instanceof GoalAggregator.TwelveMonthsChange change) {
            out.writeByte(GOAL_TWELVE_MONTHS);
            out.writeUTF(change.tierGroup());
            out.writeUTF(change.period());
            writeNullable(out, change.months(), (o, months) -> {
                o.writeLong(months.end().toEpochDay());
                for (Long count : Arrays.asList(months.headcountAtStart(), months.hires(), months.promotionsInto(),
                        months.promotionPool(), months.separations())) {
                    writeNullable(o, count, DataOutputStream::writeLong);
                }
            });
        } else if (input instanceof GoalAggregator.GoalChange change) {
            out.writeByte(GOAL_SETTING);
            out.writeUTF(change.tierGroup());
            writeNullable(out, change.goal(), (o, goal) -> {
                o.writeUTF(goal.scope().id());
                o.writeUTF(goal.tier().name());
                o.writeUTF(goal.group().name());
                writeNullable(o, goal.targetShare(), (w, share) -> w.writeUTF(share.toPlainString()));
                o.writeLong(goal.targetDate().toEpochDay());
                o.writeUTF(goal.source());
            });
        } else {
            throw new IllegalArgumentException("not a goal input: " + input);
        }
    }

    private static GoalAggregator.Input readGoalInput(BinarySerde.Input in) throws IOException {
        int kind = in.readByte();
        String tierGroup = in.readUTF();
        switch (kind) {
            case GOAL_CELL:
                return new GoalAggregator.CellChange(tierGroup, readNullable(in, i -> new GoalInputs.PublishedCell(
                        i.readLong(), readNullable(in, DataInput::readLong), readNullable(in, DataInput::readDouble),
                        readNullable(in, DataInput::readDouble))));
            case GOAL_TWELVE_MONTHS:
                String period = in.readUTF();
                return new GoalAggregator.TwelveMonthsChange(tierGroup, period, readNullable(in,
                        i -> new GoalInputs.TwelveMonths(period, LocalDate.ofEpochDay(i.readLong()),
                                readNullable(in, DataInput::readLong), readNullable(in, DataInput::readLong),
                                readNullable(in, DataInput::readLong), readNullable(in, DataInput::readLong),
                                readNullable(in, DataInput::readLong))));
            case GOAL_SETTING:
                return new GoalAggregator.GoalChange(tierGroup, readNullable(in, i -> new Goal(new Scope(i.readUTF()),
                        Tier.valueOf(i.readUTF()), Group.valueOf(i.readUTF()),
                        readNullable(in, r -> new BigDecimal(r.readUTF())), LocalDate.ofEpochDay(i.readLong()),
                        i.readUTF())));
            default:
                throw new IOException("unknown goal input kind " + kind);
        }
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return BinarySerde.of(VERSION, writer, reader);
    }
}
