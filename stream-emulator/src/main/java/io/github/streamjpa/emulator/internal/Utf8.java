package io.github.streamjpa.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: request bodies and percent-escaped path and query parts that are not UTF-8 are
 * refused.
 */
final class Utf8 {
  private Utf8() {}

  /** The body as text; a 400 when it is not valid UTF-8. */
  static String body(byte[] bytes) {
    try {
      return decode(bytes);
    } catch (CharacterCodingException e) {
      throw ApiException.input("the request body is not valid UTF-8");
    }
  }

  /**
   * Decodes {@code %XX} escapes (and {@code +} as a space when {@code plusIsSpace}); a 400 naming
   * the text when an escape is malformed or the bytes are not UTF-8.
   */
  static String unescape(String text, boolean plusIsSpace) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
        if (low < 0) {
          throw ApiException.input(
              RequestReader.printable(text) + " is not correctly URL-encoded (a bad % escape)");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c < 0x100) {
        bytes.write(c); // the request target was read as ISO-8859-1: one char per byte
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return decode(bytes.toByteArray());
    } catch (CharacterCodingException e) {
      throw ApiException.input(RequestReader.printable(text) + " does not decode to valid UTF-8");
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
