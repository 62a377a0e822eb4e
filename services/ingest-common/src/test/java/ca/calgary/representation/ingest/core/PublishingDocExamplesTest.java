package ca.calgary.representation.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The worked examples of {@code docs/publishing-events.md} are the code {@code DirectPythonPublisherIT} runs: every
 * example block there is marked with its file and shows it unchanged, and every example file is shown.
 */
class PublishingDocExamplesTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\S+) -->\\n```\\w*\\n(.*?)```\\n",
            Pattern.DOTALL);

    @Test
    void everyExampleOnThePageIsItsFileUnchangedAndEveryFileIsShown() throws IOException {
        Path root = ProjectFiles.root();
        String page = Files.readString(root.resolve("docs/publishing-events.md"));
        List<String> shown = new ArrayList<>();
        Matcher example = EXAMPLE.matcher(page);
        while (example.find()) {
            shown.add(example.group(1));
            assertThat(example.group(2)).as(example.group(1) + " as shown in docs/publishing-events.md")
                    .isEqualTo(Files.readString(root.resolve(example.group(1))));
        }
        try (Stream<Path> files = Files.list(root.resolve("docs/examples/python"))) {
            assertThat(shown).containsExactlyInAnyOrderElementsOf(files
                    .filter(file -> file.toString().endsWith(".py"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/')).toList());
        }
    }
}
