package io.github.streamjpa.demo.system;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.streamjpa.demo.notifications.UnseenCounter;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.jpa.outbox.DeadRow;
import io.github.streamjpa.jpa.outbox.Outbox;
import io.github.streamjpa.jpa.outbox.OutboxStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(StatusController.class)
class StatusControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean Outbox outbox;
  @MockitoBean PersonRepository people;
  @MockitoBean UnseenCounter unseenCounter;

  @Test
  void showsPendingSentAndDeadRowsWithTheirLastError() throws Exception {
    when(outbox.stats()).thenReturn(new OutboxStats(3, Duration.ofSeconds(2), 41, 1, 1));
    when(outbox.deadRows(StatusController.DEAD_ROWS_SHOWN))
        .thenReturn(
            List.of(
                new DeadRow(
                    9, "Pin:7", "ADD", 1, "400 InputException: bad field", Instant.now(), "{}")));

    mvc.perform(get("/status"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<td id=\"pending\">3</td>")))
        .andExpect(content().string(containsString("<td id=\"sent\">41</td>")))
        .andExpect(content().string(containsString("<td id=\"dead\">1</td>")))
        .andExpect(content().string(containsString("400 InputException: bad field")));
  }
}
