package io.github.streamjpa.spring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot section and the code run here must not drift apart: its java blocks are
 * exactly the regions between {@code README:begin} and {@code README:end} of {@link
 * TimelineController}, {@link FollowService} and {@link PinSyncTest}, which run in {@link
 * SampleApplicationTest} and as a test of their own, and its properties block names only properties
 * the starter documents.
 */
class ReadmeExamplesTest {

  private static final Pattern SECTION =
      Pattern.compile(
          "<!-- BEGIN stream-spring-boot-starter -->(.*?)<!-- END stream-spring-boot-starter -->",
          Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern PROPERTIES_BLOCK =
      Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL);
  private static final List<String> TESTED_FILES =
      List.of("TimelineController.java", "FollowService.java", "PinSyncTest.java");

  @Test
  void javaBlocksAreExactlyTheCodeRunByTheTests() throws IOException {
    String section = section();
    List<String> readmeBlocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(section);
    while (block.find()) {
      readmeBlocks.add(normalize(block.group(1)));
    }
    List<String> testedBlocks = new ArrayList<>();
    for (String file : TESTED_FILES) {
      Matcher region =
          REGION.matcher(
              Files.readString(
                  Path.of("src/test/java/io/github/streamjpa/spring/sample/" + file),
                  StandardCharsets.UTF_8));
      while (region.find()) {
        testedBlocks.add(normalize(region.group(1)));
      }
    }

    assertThat(testedBlocks).hasSize(3);
    assertThat(readmeBlocks).containsExactlyElementsOf(testedBlocks);
  }

  @Test
  void propertiesBlockNamesOnlyDocumentedProperties() throws IOException {
    Matcher block = PROPERTIES_BLOCK.matcher(section());
    assertThat(block.find()).as("a properties block in the section").isTrue();
    Properties readme = new Properties();
    readme.load(new StringReader(block.group(1)));
    Set<String> documented = new HashSet<>();
    try (InputStream json =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      for (JsonNode property : new ObjectMapper().readTree(json).get("properties")) {
        documented.add(property.get("name").asText());
      }
    }

    assertThat(readme.stringPropertyNames())
        .isNotEmpty()
        .allSatisfy(name -> assertThat(documented).as("documented properties").contains(name));
  }

  private static String section() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher section = SECTION.matcher(readme);
    assertThat(section.find()).as("the README's stream-spring-boot-starter section").isTrue();
    return section.group(1);
  }

  /** Removes indentation and blank lines; everything else must match character for character. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .reduce((first, second) -> first + "\n" + second)
        .orElse("");
  }
}
