package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.streamjpa.core.NewActivity;
import io.github.streamjpa.core.StreamClient;
import io.github.streamjpa.emulator.EmulatorControl;
import io.github.streamjpa.emulator.StreamEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StreamClientAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  StreamEmulatorAutoConfiguration.class, StreamClientAutoConfiguration.class));

  @Test
  void credentialsConfigureTheClientForTheLocation() {
    runner
        .withPropertyValues(
            "stream.api-key=app-key", "stream.api-secret=app-secret", "stream.location=eu-west")
        .run(
            context -> {
              StreamClient client = context.getBean(StreamClient.class);
              assertThat(client.apiKey()).isEqualTo("app-key");
              assertThat(client.baseUrl())
                  .isEqualTo("https://eu-west-api.stream-io-api.com/api/v1.0/");
              assertThat(context).doesNotHaveBean(StreamEmulator.class);
            });
  }

  @Test
  void baseUrlPointsTheClientAtAnotherServer() {
    runner
        .withPropertyValues(
            "stream.api-key=k", "stream.api-secret=s", "stream.base-url=http://127.0.0.1:8123")
        .run(
            context ->
                assertThat(context.getBean(StreamClient.class).baseUrl())
                    .isEqualTo("http://127.0.0.1:8123/api/v1.0/"));
  }

  @Test
  void noCredentialsAndNoEmulatorFailsSayingWhatToSet() {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
          assertThat(analysis.getDescription()).contains("stream.api-key and stream.api-secret");
          assertThat(analysis.getAction())
              .contains("stream.api-key", "STREAM_API_KEY", "stream.emulator.enabled=true");
        });
  }

  @Test
  void aKeyWithoutSecretFailsTheSameWay() {
    runner
        .withPropertyValues("stream.api-key=k")
        .run(
            context ->
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getDescription())
                    .contains("not both set"));
  }

  @Test
  void emulatorSwitchStartsAnEmulatorAndPointsTheClientAtIt() {
    runner
        .withPropertyValues("stream.emulator.enabled=true")
        .run(
            context -> {
              StreamEmulator emulator = context.getBean(StreamEmulator.class);
              StreamClient client = context.getBean(StreamClient.class);
              assertThat(client.baseUrl()).isEqualTo(emulator.baseUrl() + "/api/v1.0/");
              client
                  .feed("user", "1")
                  .addActivity(
                      NewActivity.builder().actor("User:1").verb("pin").object("Pin:1").build());
              assertThat(context.getBean(EmulatorControl.class).feedActivities("user", "1"))
                  .hasSize(1);
            });
  }

  @Test
  void emulatorSwitchWithoutTheEmulatorOnTheClassPathFailsNamingTheDependency() {
    runner
        .withClassLoader(new FilteredClassLoader(StreamEmulator.class))
        .withPropertyValues("stream.emulator.enabled=true")
        .run(
            context -> {
              FailureAnalysis analysis = FailureAnalyses.of(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("stream-emulator is not on the class path");
              assertThat(analysis.getAction()).contains("io.github.streamjpa:stream-emulator");
            });
  }

  @Test
  void emulatorIsClosedWithTheContext() {
    StreamEmulator[] started = new StreamEmulator[1];
    runner
        .withPropertyValues("stream.emulator.enabled=true")
        .run(context -> started[0] = context.getBean(StreamEmulator.class));
    assertThat(FailureAnalyses.portAccepts(started[0].port())).isFalse();
  }

  @Test
  void userDefinedClientWins() {
    runner
        .withUserConfiguration(OwnClient.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(StreamClient.class);
              assertThat(context.getBean(StreamClient.class).apiKey()).isEqualTo("own");
            });
  }

  @Test
  void customizersAdjustTheClient() {
    runner
        .withPropertyValues("stream.api-key=k", "stream.api-secret=s")
        .withBean(
            StreamClientCustomizer.class, () -> builder -> builder.baseUrl("http://127.0.0.1:9"))
        .run(
            context ->
                assertThat(context.getBean(StreamClient.class).baseUrl())
                    .isEqualTo("http://127.0.0.1:9/api/v1.0/"));
  }

  @Test
  void badRetryValueFailsNamingTheProperty() {
    runner
        .withPropertyValues(
            "stream.api-key=k", "stream.api-secret=s", "stream.retry.max-attempts=0")
        .run(
            context ->
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getDescription())
                    .contains("stream.retry.max-attempts 0 must be between 1 and 20"));
  }

  @Test
  void durationsTakeBootsFormat() {
    runner
        .withPropertyValues("stream.api-key=k", "stream.api-secret=s", "stream.read-timeout=abc")
        .run(
            context ->
                assertThat(FailureAnalyses.of(context.getStartupFailure()).getDescription())
                    .contains("stream.read-timeout"));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClient {
    @Bean
    StreamClient ownClient() {
      return StreamClient.connect("own", "secret");
    }
  }
}
