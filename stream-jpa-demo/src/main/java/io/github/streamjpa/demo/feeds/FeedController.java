package io.github.streamjpa.demo.feeds;

import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.people.SignedIn;
import io.github.streamjpa.demo.pins.BoardRepository;
import io.github.streamjpa.demo.system.NotFoundException;
import io.github.streamjpa.jpa.enrich.EnrichedActivity;
import io.github.streamjpa.jpa.enrich.EnrichedGroup;
import io.github.streamjpa.jpa.enrich.EnrichedPage;
import io.github.streamjpa.jpa.enrich.FeedReader;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;

/**
 * Pages read from Stream and enriched back into entities: a person's profile feed, my timeline and
 * my aggregated timeline, each paged by the cursor of its last activity or group ("Older").
 */
@Controller
class FeedController {

  static final int PAGE_SIZE = 25;

  private final FeedReader reader;
  private final PersonRepository people;
  private final BoardRepository boards;

  FeedController(FeedReader reader, PersonRepository people, BoardRepository boards) {
    this.reader = reader;
    this.people = people;
    this.boards = boards;
  }

  @GetMapping("/people/{id}")
  String profile(
      @PathVariable long id, @RequestParam(required = false) String cursor, Model model) {
    Person person = people.findById(id).orElseThrow(() -> new NotFoundException("person " + id));
    EnrichedPage<EnrichedActivity> page = reader.userFeed(id, PAGE_SIZE, cursor);
    model.addAttribute("person", person);
    model.addAttribute("boards", boards.ofOwner(id));
    model.addAttribute("page", page);
    return "feeds/profile";
  }

  @GetMapping("/timeline")
  String timeline(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @RequestParam(required = false) String cursor,
      Model model) {
    EnrichedPage<EnrichedActivity> page = reader.timeline(SignedIn.require(me), PAGE_SIZE, cursor);
    model.addAttribute("page", page);
    return "feeds/timeline";
  }

  @GetMapping("/timeline/aggregated")
  String aggregated(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @RequestParam(required = false) String cursor,
      Model model) {
    EnrichedPage<EnrichedGroup> page =
        reader.aggregatedTimeline(SignedIn.require(me), PAGE_SIZE, cursor);
    model.addAttribute("page", page);
    return "feeds/aggregated";
  }
}
