package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IDE metadata generated from {@link StreamProperties} documents every property. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyHasADescription() throws IOException {
    JsonNode metadata;
    try (InputStream json =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(json).as("spring-configuration-metadata.json on the class path").isNotNull();
      metadata = new ObjectMapper().readTree(json);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata.get("properties")) {
      String name = property.get("name").asText();
      names.add(name);
      assertThat(property.path("description").asText()).as(name).isNotBlank().doesNotContain("{@");
    }
    assertThat(names)
        .contains(
            "stream.api-key",
            "stream.api-secret",
            "stream.location",
            "stream.base-url",
            "stream.read-timeout",
            "stream.retry.max-attempts",
            "stream.emulator.enabled",
            "stream.jpa.enabled",
            "stream.jpa.feeds.news",
            "stream.jpa.dispatcher.max-attempts",
            "stream.jpa.dispatcher.shutdown-timeout",
            "stream.health.max-pending-age",
            "stream.health.max-dead-rows",
            "management.endpoint.streamoutbox.access",
            "management.health.streamoutbox.enabled");
    assertThat(names.stream().filter(name -> name.startsWith("stream.")))
        .as("one entry per record component of StreamProperties")
        .hasSize(36);
  }
}
