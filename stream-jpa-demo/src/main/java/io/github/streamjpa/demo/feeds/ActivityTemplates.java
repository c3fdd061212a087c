package io.github.streamjpa.demo.feeds;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Chooses the template fragment that renders an activity: {@code activity/<verb>.html} when there
 * is one, {@code activity/fallback.html} otherwise. Templates call it as {@code
 * @activityTemplates.of(activity.verb)}.
 */
@Component("activityTemplates")
public class ActivityTemplates {

  static final String FALLBACK = "activity/fallback";
  private static final Pattern VERB = Pattern.compile("[a-z][a-z_-]{0,40}");

  private final ResourceLoader resources;
  private final Map<String, String> byVerb = new ConcurrentHashMap<>();

  ActivityTemplates(ResourceLoader resources) {
    this.resources = resources;
  }

  /** Returns the template name for a verb; any verb without its own template gets the fallback. */
  public String of(String verb) {
    if (verb == null || !VERB.matcher(verb).matches()) {
      return FALLBACK;
    }
    return byVerb.computeIfAbsent(verb, this::lookUp);
  }

  private String lookUp(String verb) {
    String name = "activity/" + verb;
    return resources.getResource("classpath:/templates/" + name + ".html").exists()
        ? name
        : FALLBACK;
  }
}
