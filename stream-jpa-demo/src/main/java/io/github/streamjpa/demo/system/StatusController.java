package io.github.streamjpa.demo.system;

import io.github.streamjpa.jpa.outbox.Outbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox at a glance: pending, sent, retried and dead rows, and the dead rows' last errors. */
@Controller
class StatusController {

  static final int DEAD_ROWS_SHOWN = 20;

  private final Outbox outbox;

  StatusController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/status")
  String status(Model model) {
    model.addAttribute("stats", outbox.stats());
    model.addAttribute("deadRows", outbox.deadRows(DEAD_ROWS_SHOWN));
    return "system/status";
  }
}
