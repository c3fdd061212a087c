package io.github.streamjpa.demo.pins;

import io.github.streamjpa.demo.people.SignedIn;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** All pins (newest first, paged by id), the "new pin" form and "save to my board". */
@Controller
class PinController {

  static final int PAGE_SIZE = 24;

  private final PinRepository pins;
  private final BoardRepository boards;
  private final PinService pinService;

  PinController(PinRepository pins, BoardRepository boards, PinService pinService) {
    this.pins = pins;
    this.boards = boards;
    this.pinService = pinService;
  }

  @GetMapping("/")
  String allPins(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @RequestParam(required = false) Long before,
      Model model) {
    if (before != null && before < 1) {
      throw new IllegalArgumentException("page cursor 'before' " + before + " must be positive");
    }
    List<Pin> page = pins.newest(before == null ? Long.MAX_VALUE : before, Limit.of(PAGE_SIZE + 1));
    boolean more = page.size() > PAGE_SIZE;
    List<Pin> shown = more ? page.subList(0, PAGE_SIZE) : page;
    model.addAttribute("pins", shown);
    model.addAttribute("next", more ? shown.get(shown.size() - 1).getId() : null);
    model.addAttribute("myBoards", me == null ? List.of() : boards.ofOwner(me));
    return "pins/list";
  }

  @GetMapping("/pins/new")
  String newPin(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me, Model model) {
    model.addAttribute("pinForm", new PinForm());
    model.addAttribute("myBoards", boards.ofOwner(SignedIn.require(me)));
    return "pins/new";
  }

  @PostMapping("/pins")
  String create(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @Valid @ModelAttribute("pinForm") PinForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    long author = SignedIn.require(me);
    if (!form.wantsNewBoard()
        && form.getBoardId() != null
        && boards.findOwned(form.getBoardId(), author).isEmpty()) {
      errors.rejectValue("boardId", "board.notYours", "Choose one of your own boards.");
    }
    if (errors.hasErrors()) {
      model.addAttribute("myBoards", boards.ofOwner(author));
      return "pins/new";
    }
    Pin pin = pinService.create(author, form);
    redirect.addFlashAttribute("notice", "Pinned \u201c" + pin.getTitle() + "\u201d.");
    return "redirect:/";
  }

  @PostMapping("/pins/{id}/save")
  String save(
      @SessionAttribute(name = SignedIn.SESSION_KEY, required = false) Long me,
      @PathVariable long id,
      @RequestParam long boardId,
      RedirectAttributes redirect) {
    Pin copy = pinService.save(SignedIn.require(me), id, boardId);
    redirect.addFlashAttribute(
        "notice", "Saved \u201c" + copy.getTitle() + "\u201d to your board.");
    return "redirect:/";
  }
}
