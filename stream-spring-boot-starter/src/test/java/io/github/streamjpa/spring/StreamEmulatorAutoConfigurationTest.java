package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.streamjpa.core.FeedConfigException;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorConfig;
import io.github.streamjpa.emulator.FeedGroup;
import io.github.streamjpa.emulator.FeedGroupType;
import io.github.streamjpa.emulator.StreamEmulator;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StreamEmulatorAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  StreamEmulatorAutoConfiguration.class, StreamClientAutoConfiguration.class))
          .withPropertyValues("stream.emulator.enabled=true");

  @Test
  void declaresTheDefaultFeedGroupsWithTheirTypes() {
    runner.run(
        context ->
            assertThat(types(context.getBean(StreamEmulator.class)))
                .containsExactlyInAnyOrderEntriesOf(
                    Map.of(
                        "user", FeedGroupType.FLAT,
                        "timeline", FeedGroupType.FLAT,
                        "timeline_aggregated", FeedGroupType.AGGREGATED,
                        "notification", FeedGroupType.NOTIFICATION)));
  }

  @Test
  void declaresTheConfiguredFeedGroupsAndTheExtraOnes() {
    runner
        .withPropertyValues(
            "stream.jpa.feeds.user=people",
            "stream.jpa.feeds.news=home,grouped=home_aggregated",
            "stream.jpa.feeds.notification=alerts",
            "stream.emulator.feed-groups.likes=notification",
            "stream.emulator.feed-groups.boards=flat")
        .run(
            context ->
                assertThat(types(context.getBean(StreamEmulator.class)))
                    .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                            "people", FeedGroupType.FLAT,
                            "home", FeedGroupType.FLAT,
                            "home_aggregated", FeedGroupType.AGGREGATED,
                            "alerts", FeedGroupType.NOTIFICATION,
                            "likes", FeedGroupType.NOTIFICATION,
                            "boards", FeedGroupType.FLAT)));
  }

  @Test
  void strictFeedGroupsRefuseUndeclaredSlugsAsStreamDoes() {
    runner
        .withPropertyValues("stream.emulator.strict-feed-groups=true")
        .run(
            context -> {
              StreamClient client = context.getBean(StreamClient.class);
              assertThat(client.feed("user", "1").getActivities().results()).isEmpty();
              assertThatThrownBy(() -> client.feed("typo", "1").getActivities())
                  .isInstanceOf(FeedConfigException.class);
            });
  }

  @Test
  void usesTheConfiguredCredentials() {
    runner
        .withPropertyValues("stream.api-key=dev-key", "stream.api-secret=dev-secret")
        .run(
            context -> {
              StreamEmulator emulator = context.getBean(StreamEmulator.class);
              assertThat(emulator.apiKey()).isEqualTo("dev-key");
              assertThat(emulator.apiSecret()).isEqualTo("dev-secret");
              assertThat(emulator.port()).isPositive();
              assertThat(context.getBean(StreamClient.class).apiKey()).isEqualTo("dev-key");
            });
  }

  @Test
  void offByDefault() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                StreamEmulatorAutoConfiguration.class, StreamClientAutoConfiguration.class))
        .withPropertyValues("stream.api-key=k", "stream.api-secret=s")
        .run(context -> assertThat(context).doesNotHaveBean(StreamEmulator.class));
  }

  @Test
  void userDefinedEmulatorWins() {
    runner
        .withUserConfiguration(OwnEmulator.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(StreamEmulator.class);
              assertThat(context.getBean(StreamEmulator.class).apiKey()).isEqualTo("own");
              assertThat(context.getBean(StreamClient.class).apiKey()).isEqualTo("own");
            });
  }

  @Test
  void badEmulatorValuesFailNamingTheProperty() {
    runner
        .withPropertyValues("stream.emulator.port=70000")
        .run(
            context ->
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getDescription())
                    .contains("stream.emulator.port 70000 must be between 0 and 65535"));
    runner
        .withPropertyValues("stream.emulator.feed-groups.likes=stacked")
        .run(
            context ->
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getDescription())
                    .contains("stream.emulator.feed-groups.likes"));
  }

  private static Map<String, FeedGroupType> types(StreamEmulator emulator) {
    return emulator.config().feedGroups().values().stream()
        .collect(Collectors.toMap(FeedGroup::slug, FeedGroup::type));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEmulator {
    @Bean(destroyMethod = "close")
    StreamEmulator ownEmulator() {
      return StreamEmulator.start(
          EmulatorConfig.builder().apiKey("own").apiSecret("own-secret").build());
    }
  }
}
