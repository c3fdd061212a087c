package io.github.streamjpa.demo.people;

import static io.github.streamjpa.demo.TestEntities.person;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.streamjpa.demo.notifications.UnseenCounter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PeopleController.class)
class PeopleControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean PersonRepository people;
  @MockitoBean FollowRepository follows;
  @MockitoBean FollowService followService;
  @MockitoBean UnseenCounter unseenCounter;

  private final Person ann = person(1, "ann", "Ann Archer");
  private final Person bob = person(2, "bob", "Bob Baker");
  private final Person cleo = person(3, "cleo", "Cleo Chen");

  @Test
  void listOffersFollowOrUnfollowForEveryoneButMe() throws Exception {
    when(people.findById(1L)).thenReturn(Optional.of(ann));
    when(people.findAllByOrderByNameAsc()).thenReturn(List.of(ann, bob, cleo));
    when(follows.followedIds(1L)).thenReturn(Set.of(2L));

    mvc.perform(get("/people").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/people/2/unfollow")))
        .andExpect(content().string(containsString("/people/3/follow")))
        .andExpect(content().string(containsString("(you)")));
  }

  @Test
  void followingYourselfIsAFormError() throws Exception {
    mvc.perform(post("/people/1/follow").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(redirectedUrl("/people"))
        .andExpect(flash().attribute("error", "You cannot follow yourself."));
    verify(followService, never()).follow(anyLong(), anyLong());
  }

  @Test
  void followAndUnfollowGoThroughTheService() throws Exception {
    mvc.perform(post("/people/2/follow").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(redirectedUrl("/people"));
    mvc.perform(post("/people/2/unfollow").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(redirectedUrl("/people"));
    verify(followService).follow(1L, 2L);
    verify(followService).unfollow(1L, 2L);
  }

  @Test
  void followingNeedsSomeoneSignedIn() throws Exception {
    mvc.perform(post("/people/2/follow")).andExpect(redirectedUrl("/signin"));
    verify(followService, never()).follow(anyLong(), anyLong());
  }

  @Test
  void personIdThatIsNoNumberIsA400Page() throws Exception {
    mvc.perform(post("/people/bob/follow").sessionAttr(SignedIn.SESSION_KEY, 1L))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("&#39;bob&#39; is not a valid long")));
  }
}
