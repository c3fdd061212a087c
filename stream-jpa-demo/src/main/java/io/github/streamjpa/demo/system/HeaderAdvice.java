package io.github.streamjpa.demo.system;

import io.github.streamjpa.core.StreamException;
import io.github.streamjpa.demo.notifications.UnseenCounter;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.people.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.SessionAttribute;

/** Puts what every page header shows into the model: who is signed in and their unseen count. */
@ControllerAdvice
class HeaderAdvice {

  private static final Logger log = LoggerFactory.getLogger(HeaderAdvice.class);

  private final PersonRepository people;
  private final UnseenCounter unseenCounter;

  HeaderAdvice(PersonRepository people, UnseenCounter unseenCounter) {
    this.people = people;
    this.unseenCounter = unseenCounter;
  }

  @ModelAttribute
  void header(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me, Model model) {
    Person person = me == null ? null : people.findById(me).orElse(null);
    model.addAttribute("me", person);
    if (person != null) {
      try {
        model.addAttribute("unseen", unseenCounter.unseen(person.getId()));
      } catch (StreamException e) {
        // the badge is not worth failing a page for
        log.warn("could not read the unseen count of person {}: {}", me, e.getMessage());
      }
    }
  }
}
