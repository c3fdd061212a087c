package io.github.streamjpa.demo.pins;

import static io.github.streamjpa.demo.TestEntities.board;
import static io.github.streamjpa.demo.TestEntities.person;
import static io.github.streamjpa.demo.TestEntities.pin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.github.streamjpa.demo.notifications.UnseenCounter;
import io.github.streamjpa.demo.people.Person;
import io.github.streamjpa.demo.people.PersonRepository;
import io.github.streamjpa.demo.people.SignedIn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.Limit;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PinController.class)
class PinControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean PinRepository pins;
  @MockitoBean BoardRepository boards;
  @MockitoBean PinService pinService;
  @MockitoBean PersonRepository people;
  @MockitoBean UnseenCounter unseenCounter;

  private final Person ann = person(1, "ann", "Ann Archer");
  private final Person bob = person(2, "bob", "Bob Baker");
  private final Board travel = board(10, ann, "Travel");
  private final Board food = board(20, bob, "Food");

  @BeforeEach
  void signedInPeople() {
    when(people.findById(1L)).thenReturn(Optional.of(ann));
    when(unseenCounter.unseen(1L)).thenReturn(2);
  }

  @Test
  void allPinsShowsPinsWithAuthorBoardAndSaveFormForOthersPins() throws Exception {
    when(pins.newest(Long.MAX_VALUE, Limit.of(PinController.PAGE_SIZE + 1)))
        .thenReturn(List.of(pin(5, bob, food, "Sourdough"), pin(4, ann, travel, "Ridge")));
    when(boards.ofOwner(1L)).thenReturn(List.of(travel));

    mvc.perform(get("/").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sourdough")))
        .andExpect(content().string(containsString("Bob Baker")))
        .andExpect(content().string(containsString("/pins/5/save")))
        .andExpect(content().string(not(containsString("/pins/4/save"))))
        .andExpect(content().string(containsString("id=\"unseen-count\"")))
        .andExpect(model().attribute("next", (Object) null));
  }

  @Test
  void olderLinkPagesByTheLastPinShown() throws Exception {
    List<Pin> page =
        java.util.stream.LongStream.rangeClosed(1, PinController.PAGE_SIZE + 1)
            .mapToObj(id -> pin(100 - id, bob, food, "Pin " + id))
            .toList();
    when(pins.newest(100, Limit.of(PinController.PAGE_SIZE + 1))).thenReturn(page);

    mvc.perform(get("/").param("before", "100"))
        .andExpect(status().isOk())
        .andExpect(model().attribute("next", 100L - PinController.PAGE_SIZE))
        .andExpect(content().string(containsString("?before=" + (100 - PinController.PAGE_SIZE))));
  }

  @Test
  void garbagePageCursorIsA400Page() throws Exception {
    mvc.perform(get("/").param("before", "abc"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("&#39;abc&#39; is not a valid Long")));
    mvc.perform(get("/").param("before", "-3"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("must be positive")));
  }

  @Test
  void newPinNeedsSomeoneSignedIn() throws Exception {
    mvc.perform(get("/pins/new")).andExpect(redirectedUrl("/signin"));
  }

  @Test
  void emptyTitleAndBadUrlAreFormErrors() throws Exception {
    when(boards.ofOwner(1L)).thenReturn(List.of(travel));

    mvc.perform(
            post("/pins")
                .sessionAttr(SignedIn.SESSION_KEY, 1L)
                .param("title", " ")
                .param("imageUrl", "javascript:alert(1)")
                .param("boardId", "10"))
        .andExpect(status().isOk())
        .andExpect(view().name("pins/new"))
        .andExpect(content().string(containsString("Give the pin a title.")))
        .andExpect(content().string(containsString("must be an http:// or https:// address")));
    verify(pinService, never()).create(anyLong(), any());
  }

  @Test
  void anotherPersonsBoardIsAFormError() throws Exception {
    when(boards.findOwned(20L, 1L)).thenReturn(Optional.empty());

    mvc.perform(
            post("/pins")
                .sessionAttr(SignedIn.SESSION_KEY, 1L)
                .param("title", "Ridge")
                .param("imageUrl", "https://example.org/ridge.png")
                .param("boardId", "20"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Choose one of your own boards.")));
    verify(pinService, never()).create(anyLong(), any());
  }

  @Test
  void validPinIsCreatedAndAnnounced() throws Exception {
    when(boards.findOwned(10L, 1L)).thenReturn(Optional.of(travel));
    when(pinService.create(eq(1L), any())).thenReturn(pin(7, ann, travel, "Ridge"));

    mvc.perform(
            post("/pins")
                .sessionAttr(SignedIn.SESSION_KEY, 1L)
                .param("title", "Ridge")
                .param("imageUrl", "https://example.org/ridge.png")
                .param("boardId", "10"))
        .andExpect(redirectedUrl("/"))
        .andExpect(flash().attribute("notice", "Pinned \u201cRidge\u201d."));
  }

  @Test
  void savingOwnPinIsA400Page() throws Exception {
    when(pinService.save(1L, 4L, 10L))
        .thenThrow(new IllegalArgumentException("pin 4 is already yours"));

    mvc.perform(post("/pins/4/save").sessionAttr(SignedIn.SESSION_KEY, 1L).param("boardId", "10"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("pin 4 is already yours")));
  }

  @Test
  void savingWithoutBoardIsA400Page() throws Exception {
    mvc.perform(post("/pins/4/save").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("missing &#39;boardId&#39;")));
  }
}
