package ca.calgary.representation.metrics.web;

import java.math.BigDecimal;
import java.util.List;

import ca.calgary.representation.metrics.app.BenchmarkAdministration;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators change benchmarks at run time; every affected cell is recomputed. */
@RestController
@RequestMapping("/v1/benchmarks")
@Tag(name = "Benchmarks", description = "Availability shares per scope and group (reference data)")
class BenchmarkController {

    /** A benchmark as the API takes and returns it. */
    record BenchmarkBody(String scope, String group, BigDecimal share, String source, Integer year) {
    }

    private final BenchmarkAdministration administration;

    BenchmarkController(BenchmarkAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "The benchmarks in force")
    @GetMapping
    List<BenchmarkBody> list() {
        return administration.current().values().stream()
                .map(b -> new BenchmarkBody(b.getScope(), b.getGroup(), BigDecimal.valueOf(b.getShare()), b.getSource(),
                        b.getYear()))
                .toList();
    }

    @Operation(summary = "Set the benchmark of a group in a scope")
    @PutMapping("/{scope}/{group}")
    BenchmarkBody put(@PathVariable String scope, @PathVariable String group, @RequestBody BenchmarkBody body) {
        Benchmark benchmark = validated(scope, group, body);
        administration.put(benchmark);
        return new BenchmarkBody(scope, group, benchmark.share(), benchmark.source(), benchmark.year());
    }

    @Operation(summary = "Remove the benchmark of a group in a scope (the ORG benchmark then applies, if any)")
    @DeleteMapping("/{scope}/{group}")
    ResponseEntity<Void> delete(@PathVariable String scope, @PathVariable String group) {
        Group parsed = group(group);
        administration.remove(new Scope(scope).id() + "|" + parsed.name());
        return ResponseEntity.noContent().build();
    }

    private static Benchmark validated(String scope, String group, BenchmarkBody body) {
        if (body == null || body.share() == null) {
            throw new InvalidBenchmarkException("share", "share is required: a number in (0, 1]");
        }
        if (body.share().signum() <= 0 || body.share().compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidBenchmarkException("share", "share must be in (0, 1], got " + body.share());
        }
        if (body.source() == null || body.source().isBlank()) {
            throw new InvalidBenchmarkException("source", "source is required (where the share comes from)");
        }
        if (body.year() == null || body.year() < 1900 || body.year() > 2199) {
            throw new InvalidBenchmarkException("year", "year is required, 1900 to 2199");
        }
        if (!(scope.equals("ORG") || scope.equals("PUBLIC_SAFETY") || scope.startsWith("SERVICE_LINE:")
                || scope.startsWith("UNIT:"))) {
            throw new InvalidBenchmarkException("scope", "scope must be ORG, PUBLIC_SAFETY, SERVICE_LINE:<code> or "
                    + "UNIT:<path>, got '" + scope + "'");
        }
        return new Benchmark(new Scope(scope), group(group), body.share(), body.source().strip(), body.year());
    }

    private static Group group(String name) {
        try {
            return Group.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidBenchmarkException("group", "unknown group '" + name + "'; expected one of "
                    + List.of(Group.values()));
        }
    }
}
