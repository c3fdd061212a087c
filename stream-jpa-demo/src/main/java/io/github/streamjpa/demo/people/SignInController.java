package io.github.streamjpa.demo.people;

import io.github.streamjpa.demo.system.NotFoundException;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Sign in as" one of the seeded people, without a password. */
@Controller
class SignInController {

  private final PersonRepository people;

  SignInController(PersonRepository people) {
    this.people = people;
  }

  @GetMapping("/signin")
  String signInPage(Model model) {
    model.addAttribute("people", people.findAllByOrderByNameAsc());
    return "people/signin";
  }

  @PostMapping("/signin")
  String signIn(@RequestParam long personId, HttpSession session) {
    if (!people.existsById(personId)) {
      throw new NotFoundException("person " + personId);
    }
    session.setAttribute(SignedIn.SESSION_KEY, personId);
    return "redirect:/timeline";
  }

  @PostMapping("/signout")
  String signOut(HttpSession session) {
    session.removeAttribute(SignedIn.SESSION_KEY);
    return "redirect:/";
  }
}
