package io.github.streamjpa.emulator.internal;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The subset of Python's strftime that aggregation formats use. */
final class Strftime {
  private static final String SUPPORTED = "YymdHIMSpjbBaAfUuwVGz%";

  private Strftime() {}

  static void validate(String pattern, String format) {
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '%') {
        if (i + 1 >= pattern.length() || SUPPORTED.indexOf(pattern.charAt(i + 1)) < 0) {
          String directive = i + 1 < pattern.length() ? "%" + pattern.charAt(i + 1) : "%";
          throw new IllegalArgumentException(
              "aggregation format '"
                  + format
                  + "' uses the strftime directive '"
                  + directive
                  + "'; supported are %"
                  + String.join(" %", SUPPORTED.split("")));
        }
        i++;
      }
    }
  }

  static String format(String pattern, LocalDateTime t) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char d = pattern.charAt(++i);
      switch (d) {
        case 'Y' -> out.append(String.format("%04d", t.getYear()));
        case 'y' -> out.append(String.format("%02d", t.getYear() % 100));
        case 'm' -> out.append(String.format("%02d", t.getMonthValue()));
        case 'd' -> out.append(String.format("%02d", t.getDayOfMonth()));
        case 'H' -> out.append(String.format("%02d", t.getHour()));
        case 'I' -> out.append(String.format("%02d", (t.getHour() + 11) % 12 + 1));
        case 'M' -> out.append(String.format("%02d", t.getMinute()));
        case 'S' -> out.append(String.format("%02d", t.getSecond()));
        case 'p' -> out.append(t.getHour() < 12 ? "AM" : "PM");
        case 'j' -> out.append(String.format("%03d", t.getDayOfYear()));
        case 'b' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'f' -> out.append(String.format("%06d", t.getNano() / 1000));
        case 'U' ->
            out.append(
                String.format(
                    "%02d", (t.getDayOfYear() + 6 - t.getDayOfWeek().getValue() % 7) / 7));
        case 'u' -> out.append(t.getDayOfWeek().getValue());
        case 'w' -> out.append(t.getDayOfWeek().getValue() % 7);
        case 'V' -> out.append(String.format("%02d", t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        case 'G' -> out.append(String.format("%04d", t.get(IsoFields.WEEK_BASED_YEAR)));
        case 'z' -> out.append("+0000");
        default -> out.append('%');
      }
    }
    return out.toString();
  }
}
