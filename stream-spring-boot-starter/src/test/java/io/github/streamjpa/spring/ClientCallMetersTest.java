package io.github.streamjpa.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCallMetersTest {

  @Test
  void feedPathsNameTheirOperationWithoutSlugsAndIds() {
    assertThat(operation("GET", "feed", "user", "42", "")).isEqualTo("GET feed/{slug}/{user}");
    assertThat(operation("POST", "feed", "timeline", "7", "follows", ""))
        .isEqualTo("POST feed/{slug}/{user}/follows");
    assertThat(operation("DELETE", "feed", "timeline", "7", "follows", "user:42", ""))
        .isEqualTo("DELETE feed/{slug}/{user}/follows/{target}");
    assertThat(operation("DELETE", "feed", "user", "42", "e561de8f-00f1-11e4-b400", ""))
        .isEqualTo("DELETE feed/{slug}/{user}/{id}");
    assertThat(operation("POST", "feed", "user", "42", "activity_to_targets", ""))
        .isEqualTo("POST feed/{slug}/{user}/activity_to_targets");
  }

  @Test
  void otherPathsKeepTheirNames() {
    assertThat(operation("POST", "follow_many", "")).isEqualTo("POST follow_many");
    assertThat(operation("POST", "feed", "add_to_many", "")).isEqualTo("POST feed/add_to_many");
    assertThat(operation("GET", "activities", "")).isEqualTo("GET activities");
  }

  private static String operation(String method, String... belowVersion) {
    List<String> segments = new java.util.ArrayList<>(List.of("api", "v1.0"));
    segments.addAll(List.of(belowVersion));
    return ClientCallMeters.operation(method, segments);
  }
}
