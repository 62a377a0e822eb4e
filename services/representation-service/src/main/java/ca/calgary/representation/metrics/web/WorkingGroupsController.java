package ca.calgary.representation.metrics.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ca.calgary.representation.metrics.WorkingGroup;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.streams.StreamsLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working groups and committees (SPEC §5): each with its name and the published figures of its members (tier ALL)
 * and its leadership (tier LEADERSHIP: chairs, co-chairs and leads), under the same suppression and release rule as
 * every cell. The figures are also in {@code /v1/representation?scopePrefix=WORKING_GROUP:} and its CSV export.
 */
@RestController
@RequestMapping("/v1/working-groups")
@Tag(name = "Working groups", description = "Representation among each working group's members and its "
        + "leadership roles (SPEC §5, §9)")
class WorkingGroupsController {

    static final String SCOPE_PREFIX = "WORKING_GROUP:";

    private final StreamsLifecycle<RepresentationStreams> streams;

    WorkingGroupsController(StreamsLifecycle<RepresentationStreams> streams) {
        this.streams = streams;
    }

    /** A working group, its scope id, and its cells' figures per tier, TOTAL first (a tier nobody holds is empty). */
    record WorkingGroupView(String workingGroupId, String workingGroupName, String scope, List<CellView> members,
                            List<CellView> leadership) {
    }

    @Operation(summary = "Every working group with appointments, and the figures of its members and leadership",
            description = "A group whose members have all left still has a name but no figures. Leadership of "
                    + "fewer than k people has its group counts suppressed (SPEC §9): its members are known by name.")
    @GetMapping
    List<WorkingGroupView> workingGroups() {
        RepresentationStreams running = streams.streams().orElseThrow(() -> new MetricsUnavailableException(
                "the representation topology is not running yet"));
        Map<String, List<CellView>> cellsByScope = new TreeMap<>();
        for (CellView cell : CellView.matching(streams, new CellFilter(null, SCOPE_PREFIX, null, null))) {
            cellsByScope.computeIfAbsent(cell.scope(), scope -> new ArrayList<>()).add(cell);
        }
        List<WorkingGroupView> groups = new ArrayList<>();
        try (KeyValueIterator<String, WorkingGroup> all = running.workingGroups().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null) {
                    String scope = SCOPE_PREFIX + entry.value.getWorkingGroupId();
                    List<CellView> cells = cellsByScope.getOrDefault(scope, List.of());
                    groups.add(new WorkingGroupView(entry.value.getWorkingGroupId(),
                            entry.value.getWorkingGroupName(), scope, tier(cells, "ALL"), tier(cells, "LEADERSHIP")));
                }
            });
        }
        groups.sort(Comparator.comparing(WorkingGroupView::workingGroupName)
                .thenComparing(WorkingGroupView::workingGroupId));
        return groups;
    }

    /** The cells of one tier, in the order of SPEC §5's groups (TOTAL first). */
    private static List<CellView> tier(List<CellView> cells, String tier) {
        return cells.stream().filter(cell -> cell.tier().equals(tier))
                .sorted(Comparator.comparing(cell -> Group.valueOf(cell.group()))).toList();
    }
}
