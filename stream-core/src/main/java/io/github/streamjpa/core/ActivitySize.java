package io.github.streamjpa.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Stream's size limit for one activity, checked on the JSON that would be sent. */
final class ActivitySize {
  /** The service stores activities of at most 10 KB. */
  static final int MAX_BYTES = 10 * 1024;

  private ActivitySize() {}

  /**
   * Returns the activity's JSON, or throws if it is larger than Stream stores.
   *
   * @param json the activity as it would be sent
   * @param activity the activity, named in the message
   * @param mapper the mapper that writes the request
   */
  static <T extends JsonNode> T check(T json, NewActivity activity, ObjectMapper mapper) {
    check(size(json, mapper), activity);
    return json;
  }

  /**
   * Throws if an activity whose JSON takes {@code bytes} bytes is larger than Stream stores.
   *
   * @param bytes the size of the activity's JSON as it would be sent
   * @param activity the activity, named in the message
   */
  static void check(long bytes, NewActivity activity) {
    if (bytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "activity (verb '"
              + activity.verb()
              + "', object '"
              + activity.object()
              + "') is "
              + bytes
              + " bytes as JSON; Stream stores at most "
              + MAX_BYTES);
    }
  }

  private static long size(JsonNode json, ObjectMapper mapper) {
    Counter counter = new Counter();
    try {
      mapper.writeValue(counter, json);
    } catch (IOException e) {
      // Only the generator can fail here; the counter itself never does.
      throw new UncheckedIOException(e);
    }
    return counter.count;
  }

  /** Counts bytes and keeps none. */
  private static final class Counter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
