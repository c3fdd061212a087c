package io.github.streamjpa.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.Feed;
import io.github.streamjpa.core.FeedId;
import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.ReadOptions;
import io.github.streamjpa.core.StreamClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every Java example of the README's stream-emulator section against a real emulator. The code
 * between the README markers in this file (including the two test classes after this one, which
 * Surefire runs like any other test class) must match the README's java blocks, in order (checked
 * by {@link #readmeJavaBlocksAreExactlyTheExamplesRunHere()}).
 */
class ReadmeExamplesTest {

  @Test
  void embedded() {
    // README:begin
    try (StreamEmulator emulator = StreamEmulator.start()) { // 127.0.0.1, free port, key/secret
      StreamClient client =
          StreamClient.builder(emulator.apiKey(), emulator.apiSecret())
              .baseUrl(emulator.baseUrl()) // "http://127.0.0.1:<port>"
              .build();
      client
          .feed("user", "1")
          .addActivity(NewActivity.builder().actor("User:1").verb("pin").object("Pin:1").build());
      // what the server stored
      assertThat(emulator.control().feedActivities("user", "1"))
          .singleElement()
          .satisfies(a -> assertThat(a).containsEntry("actor", "User:1").containsKey("id"));
    }
    // README:end
  }

  // The README check: its java blocks and the regions of this file must be the same, in order.

  private static final Pattern README_SECTION =
      Pattern.compile(
          "<!-- BEGIN stream-emulator -->(.*?)<!-- END stream-emulator -->", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL);

  @Test
  void readmeJavaBlocksAreExactlyTheExamplesRunHere() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher section = README_SECTION.matcher(readme);
    assertThat(section.find()).as("README has the stream-emulator section").isTrue();
    List<String> readmeBlocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(section.group(1));
    while (block.find()) {
      readmeBlocks.add(normalize(block.group(1)));
    }
    String source =
        Files.readString(
            Path.of("src/test/java/io/github/streamjpa/emulator/ReadmeExamplesTest.java"),
            StandardCharsets.UTF_8);
    List<String> testedBlocks = new ArrayList<>();
    Matcher region = REGION.matcher(source);
    while (region.find()) {
      testedBlocks.add(normalize(region.group(1)));
    }

    assertThat(testedBlocks).hasSize(2);
    assertThat(readmeBlocks).containsExactlyElementsOf(testedBlocks);
  }

  /** Removes indentation and blank lines; everything else must match character for character. */
  private static String normalize(String code) {
    return code.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + "\n" + b)
        .orElse("");
  }
}

// README:begin
@ExtendWith(StreamEmulatorExtension.class)
class TimelineTest {
  @Test
  void showsFollowedPins(StreamClient client, EmulatorControl control) {
    client.feed("timeline", "1").follow(FeedId.of("user", "2"));
    client
        .feed("user", "2")
        .addActivity(NewActivity.builder().actor("User:2").verb("pin").object("Pin:7").build());
    assertThat(control.feedActivities("timeline", "1")).hasSize(1);
  }
}

class IsolatedTest {
  @RegisterExtension
  static StreamEmulatorExtension stream =
      StreamEmulatorExtension.perTest(
          EmulatorConfig.builder().feedGroup("likes", FeedGroupType.NOTIFICATION).build());

  @Test
  void countsUnseenLikes(StreamClient client) {
    Feed likes = client.feed("likes", "1");
    likes.addActivity(NewActivity.builder().actor("User:2").verb("like").object("Pin:7").build());
    assertThat(likes.getNotificationActivities(ReadOptions.limit(10)).unseen()).isEqualTo(1);
  }
}
// README:end
