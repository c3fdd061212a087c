package io.github.streamjpa.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Stream's error body shape. */
final class ErrorBodies {
  private ErrorBodies() {}

  static ObjectNode of(ApiException e) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("code", e.code());
    body.put("detail", e.getMessage());
    body.put("exception", e.exception());
    body.put("status_code", e.status());
    if (!e.fields().isEmpty()) {
      ObjectNode fields = body.putObject("exception_fields");
      for (Map.Entry<String, List<String>> field : e.fields().entrySet()) {
        field.getValue().forEach(fields.withArray(field.getKey())::add);
      }
    }
    body.put("more_info", "https://getstream.io/docs/api_error_responses");
    return body;
  }
}
