package io.github.streamjpa.demo.people;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People to follow, with follow and unfollow buttons. */
@Controller
class PeopleController {

  private final PersonRepository people;
  private final FollowRepository follows;
  private final FollowService followService;

  PeopleController(PersonRepository people, FollowRepository follows, FollowService followService) {
    this.people = people;
    this.follows = follows;
    this.followService = followService;
  }

  @GetMapping("/people")
  String people(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me, Model model) {
    List<Person> everyone = people.findAllByOrderByNameAsc();
    Set<Long> followed = me == null ? Set.of() : follows.followedIds(me);
    model.addAttribute("people", everyone);
    model.addAttribute("followed", followed);
    return "people/list";
  }

  @PostMapping("/people/{id}/follow")
  String follow(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @PathVariable long id,
      RedirectAttributes redirect) {
    long follower = SignedIn.require(me);
    if (follower == id) {
      redirect.addFlashAttribute("error", "You cannot follow yourself.");
    } else {
      followService.follow(follower, id);
    }
    return "redirect:/people";
  }

  @PostMapping("/people/{id}/unfollow")
  String unfollow(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @PathVariable long id) {
    followService.unfollow(SignedIn.require(me), id);
    return "redirect:/people";
  }
}
