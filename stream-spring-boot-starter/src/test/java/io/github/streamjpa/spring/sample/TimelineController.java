package io.github.streamjpa.spring.sample;

import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.EnrichedPage;
import io.github.streamjpa.jpa.enrich.FeedReader;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The README's controller, compiled from exactly the README text. */
// README:begin
@RestController
class TimelineController {
  private final FeedReader reader; // a bean of the starter

  TimelineController(FeedReader reader) {
    this.reader = reader;
  }

  record TimelinePage(List<String> pins, String next) {}

  @GetMapping("/users/{userId}/timeline")
  TimelinePage timeline(@PathVariable long userId, @RequestParam(required = false) String cursor) {
    EnrichedPage<EnrichedActivity> page = reader.timeline(userId, 25, cursor);
    List<String> pins =
        page.dropIncomplete().results().stream()
            .map(pin -> pin.actor(User.class).getName() + ": " + pin.object(Pin.class).getTitle())
            .toList();
    return new TimelinePage(pins, page.nextCursor()); // next: the cursor of the next page
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<String> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(e.getMessage()); // a bad limit or cursor
  }
}
// README:end
