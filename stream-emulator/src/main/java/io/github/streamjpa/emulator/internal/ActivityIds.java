package io.github.streamjpa.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * Time-based (version 1) UUIDs whose timestamp is the activity's time, so that an id alone tells
 * where it sits in a feed even after the activity is gone.
 */
final class ActivityIds {
  /** 100-ns intervals between 1582-10-15 (the UUID epoch) and 1970-01-01. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ActivityIds() {}

  /** A new id at {@code micros} with random clock sequence and node. */
  static String random(long micros) {
    return build(micros, RANDOM.nextLong());
  }

  /** The same id every time for the same time and key (used for foreign_id+time and content). */
  static String derived(long micros, String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | (digest[i] & 0xff);
      }
      return build(micros, bits);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String build(long micros, long lowBits) {
    long ts = micros * 10 + UUID_EPOCH_OFFSET;
    long timeLow = ts & 0xFFFFFFFFL;
    long timeMid = (ts >>> 32) & 0xFFFFL;
    long timeHi = (ts >>> 48) & 0x0FFFL;
    long msb = (timeLow << 32) | (timeMid << 16) | 0x1000L | timeHi;
    long lsb = (lowBits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** The time in microseconds of a version 1 UUID, or empty when the text is not one. */
  static Optional<Long> micros(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      if (uuid.version() != 1 || id.length() != 36) {
        return Optional.empty();
      }
      return Optional.of((uuid.timestamp() - UUID_EPOCH_OFFSET) / 10);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
