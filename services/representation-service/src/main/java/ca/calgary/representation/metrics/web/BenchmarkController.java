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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators change benchmarks at run time; every affected cell is recomputed. */
@RestController
@RequestMapping("/v1/benchmarks")
@Tag(name = "Benchmarks", description = "Availability shares per scope and group (reference data)")
class BenchmarkController {

    /** A benchmark as the API takes and returns it. */
    record BenchmarkBody(String scope, String group, BigDecimal share, String source, Integer year) {
    }

    private static final ReferenceFields FIELDS = new ReferenceFields("benchmark", true);

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

    @Operation(summary = "Set the benchmark of a group in a scope",
            description = "The scope and group are in the body, as unit scopes contain '/' (UNIT:City/Public Safety)")
    @PutMapping
    BenchmarkBody put(@RequestBody BenchmarkBody body) {
        if (body == null) {
            throw FIELDS.invalid("scope", "a body is required: {scope, group, share, source, year}");
        }
        Benchmark benchmark = validated(body);
        administration.put(benchmark);
        return new BenchmarkBody(benchmark.scope().id(), benchmark.group().name(), benchmark.share(),
                benchmark.source(), benchmark.year());
    }

    @Operation(summary = "Remove the benchmark of a group in a scope (the ORG benchmark then applies, if any)")
    @DeleteMapping
    ResponseEntity<Void> delete(@RequestParam String scope, @RequestParam String group) {
        administration.remove(FIELDS.scope(scope).id() + "|" + FIELDS.group(group, List.of(Group.values())).name());
        return ResponseEntity.noContent().build();
    }

    private static Benchmark validated(BenchmarkBody body) {
        Scope scope = FIELDS.scope(body.scope());
        Group group = FIELDS.group(body.group(), List.of(Group.values()));
        if (body.share() == null) {
            throw FIELDS.invalid("share", "share is required: a number in (0, 1]");
        }
        if (body.share().signum() <= 0 || body.share().compareTo(BigDecimal.ONE) > 0) {
            throw FIELDS.invalid("share", "share must be in (0, 1], got " + body.share());
        }
        if (body.source() == null || body.source().isBlank()) {
            throw FIELDS.invalid("source", "source is required (where the share comes from)");
        }
        if (body.year() == null || body.year() < 1900 || body.year() > 2199) {
            throw FIELDS.invalid("year", "year is required, 1900 to 2199");
        }
        return new Benchmark(scope, group, body.share(), body.source().strip(), body.year());
    }
}
