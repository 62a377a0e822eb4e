package ca.calgary.representation.ingest.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The repository's specification ({@code docs/specification.md}) is the product's contract; where the steering
 * folder's {@code shared/SPEC.md} stands beside the checkout, every section, and every rule, field, category and
 * setting it names in code style, must be in the repository's copy too, so a change there is never silently missed.
 */
class SpecificationTest {

    private static final Pattern SECTION = Pattern.compile("(?m)^## (.+)$");
    private static final Pattern NAMED = Pattern.compile("`([^`]+)`");

    @Test
    void theSpecificationIsInTheRepositoryAndLinksInsideIt() throws IOException {
        String specification = Files.readString(specification());
        assertTrue(specification.contains("## 10. Golden cases"), "docs/specification.md has the golden cases");
        assertTrue(!specification.contains("../shared"), "docs/specification.md points outside the repository");
    }

    @Test
    void everySectionAndNameOfSharedSpecIsInTheRepositorysSpecification() throws IOException {
        assumeTrue(ProjectFiles.shared("SPEC.md").isPresent(), "no ../shared/SPEC.md beside the checkout");
        String shared = Files.readString(ProjectFiles.shared("SPEC.md").orElseThrow());
        String ours = Files.readString(specification());
        assertEquals(List.of(), missing(shared, ours),
                "docs/specification.md lacks these sections or names of ../shared/SPEC.md: bring it in step");
    }

    @Test
    void aMissingSectionOrNameIsReported() {
        assertEquals(List.of("section 12. New", "`NEW_RULE`"),
                missing("## 1. Old\n`OLD` and `../shared/golden/`\n## 12. New\n`NEW_RULE`", "## 1. Old\n`OLD`"));
    }

    /** Sections and code-style names of {@code shared} that {@code ours} lacks (paths to shared/ aside). */
    static List<String> missing(String shared, String ours) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher sections = SECTION.matcher(shared);
        while (sections.find()) {
            if (!ours.contains("## " + sections.group(1))) {
                missing.add("section " + sections.group(1));
            }
        }
        Matcher names = NAMED.matcher(shared);
        while (names.find()) {
            String name = names.group(1);
            if (!name.contains("../shared") && !ours.contains(name)) {
                missing.add("`" + name + "`");
            }
        }
        return List.copyOf(missing);
    }

    private static Path specification() {
        return ProjectFiles.root().resolve("docs").resolve("specification.md");
    }
}
